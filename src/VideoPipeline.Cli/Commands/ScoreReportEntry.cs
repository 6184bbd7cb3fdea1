using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Cli.Commands;

/// <summary>One file's place: score in [0, 1], why it was disqualified, the defects a viewer would notice (viewer terms with the reading), and every metric by name.</summary>
public sealed record ScoreReportEntry(string File, int Rank, double Score, bool Disqualified, IReadOnlyList<string> Reasons, IReadOnlyList<string> Defects, IReadOnlyDictionary<string, MetricScore> Metrics);
