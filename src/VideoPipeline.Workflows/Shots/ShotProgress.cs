namespace VideoPipeline.Workflows.Shots;

/// <summary>A shot's custom status: each candidate as it stands, and the ranked candidates while a review is awaited.</summary>
public sealed record ShotProgress(ShotState State, int Round, decimal CostUsd, IReadOnlyList<CandidateProgress> Candidates, IReadOnlyList<RankedCandidate>? Ranked = null);
