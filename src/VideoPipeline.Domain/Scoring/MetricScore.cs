namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// One line of a candidate's breakdown: the raw <paramref name="Value"/>, its <paramref name="Score"/>
/// in [0, 1] relative to the shot's other candidates (0.5 is the shot's average), and the share of the
/// final score it carried (<paramref name="Weight"/>; 0 when not measured or disqualified).
/// </summary>
public sealed record MetricScore(string Name, MetricStatus Status, double? Value, double? Score, double Weight, string? Note);
