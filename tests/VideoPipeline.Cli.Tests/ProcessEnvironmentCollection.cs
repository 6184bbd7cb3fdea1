namespace VideoPipeline.Cli.Tests;

/// <summary>
/// Tests that set environment variables (the CLI reads its settings from them) run in this collection, alone:
/// the process environment is shared by every test running at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
