using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// What became of a candidate: who made it, its provider task, what it cost (billed seconds × rate, zero where the
/// provider does not charge for how it ended), where its clip is, its measurement, and the reason when it failed.
/// </summary>
public sealed record CandidateResult(
    string CandidateId,
    string ProviderId,
    string Model,
    string? Mode,
    string? TaskId,
    CandidateState State,
    CandidateCost Cost,
    string? FailureCode = null,
    string? FailureReason = null,
    string? BlobName = null,
    CandidateMeasurement? Measurement = null,
    int StatusReads = 0,
    bool ByWebhook = false)
{
    public bool CanWin => State == CandidateState.Scored && Measurement is { Disqualified: false };

    /// <summary>A failure that another model might not repeat: the slot is worth re-routing.</summary>
    public bool WorthRerouting => State is CandidateState.Failed or CandidateState.Moderated or CandidateState.InDoubt or CandidateState.TimedOut;
}
