using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Shots;

/// <summary>
/// How a shot ended: its winner (and the blob it was published to), every candidate of every round with its ranking,
/// what it cost, and, when it failed, why (naming every candidate's reason).
/// </summary>
public sealed record ShotResult(
    int ShotIndex,
    ShotState State,
    string? WinnerCandidateId,
    string? WinnerBlobName,
    IReadOnlyList<CandidateResult> Candidates,
    IReadOnlyList<CandidateScore> Ranking,
    decimal CostUsd,
    string? FailureReason,
    string Prompt,
    int Rounds)
{
    public CandidateScore? WinnerScore => Ranking.FirstOrDefault(r => r.CandidateId == WinnerCandidateId);
}
