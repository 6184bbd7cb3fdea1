namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// A candidate's place in its shot: the final <paramref name="Score"/> in [0, 1] (0 when disqualified),
/// its 1-based <paramref name="Rank"/>, why it was disqualified, the defects a viewer would notice,
/// in viewer terms with their readings ("stutters: 6 effective fps"), and the per-metric breakdown.
/// </summary>
public sealed record CandidateScore(
    string CandidateId,
    double Score,
    int Rank,
    bool Disqualified,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<MetricScore> Metrics,
    IReadOnlyList<string>? Defects = null);
