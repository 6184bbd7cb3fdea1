namespace VideoPipeline.Cli.Tests;

/// <summary>What one in-process run of the command left: its exit code, standard output and standard error.</summary>
internal sealed record CliRun(int Exit, string Out, string Err);
