namespace VideoPipeline.Cli.Commands;

/// <summary>What <c>score --json</c> prints: the files best first.</summary>
public sealed record ScoreReport(IReadOnlyList<ScoreReportEntry> Ranking);
