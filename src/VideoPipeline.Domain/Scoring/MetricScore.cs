namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// One line of a candidate's breakdown: the raw <paramref name="Value"/> and how it counted.
/// For a preference, <paramref name="Score"/> in [0, 1] is relative to the shot's other candidates
/// (0.5 is the shot's average) and <paramref name="Weight"/> is the share of the preference score it
/// carried (0 when not measured or disqualified). For a defect, <paramref name="Penalty"/> is the
/// absolute share it took off the score (<see cref="DefectRules"/>), <paramref name="Score"/> is
/// 1 − penalty and the weight is 0; when it costs anything the note names it in viewer terms.
/// </summary>
public sealed record MetricScore(
    string Name,
    MetricStatus Status,
    double? Value,
    double? Score,
    double Weight,
    string? Note,
    MetricKind Kind = MetricKind.Preference,
    double? Penalty = null);
