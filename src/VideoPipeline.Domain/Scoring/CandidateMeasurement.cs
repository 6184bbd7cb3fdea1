namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// Everything measured about one candidate on its own: the hard-check failures that disqualify it
/// (empty when it passed) and the raw metric readings.
/// </summary>
public sealed record CandidateMeasurement(
    string CandidateId,
    IReadOnlyList<string> Disqualifications,
    IReadOnlyList<MetricReading> Readings)
{
    public bool Disqualified => Disqualifications.Count > 0;

    public static CandidateMeasurement Failed(string candidateId, string reason) => new(candidateId, [reason], []);
}
