using Spectre.Console;

namespace VideoPipeline.Cli;

/// <summary>Where a command writes: rich output for people, and the raw stdout for <c>--json</c>.</summary>
public sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error, TextWriter RawOut);
