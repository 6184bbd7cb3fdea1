using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>
/// What a job will do, decided once in an activity (routing reads configuration and the clock): the routes per shot,
/// the cheapest plan's estimate, and the settings the orchestrators need. <see cref="Refusal"/> set means nothing may be spent.
/// </summary>
public sealed record JobPlan(
    IReadOnlyList<ShotPlan> Shots,
    decimal EstimatedUsd,
    string? Refusal,
    IReadOnlyDictionary<string, CandidateTiming> Timings,
    RankingPolicy Ranking,
    int MaxParallelShots,
    int MaxAttemptsPerSlot,
    int MaxReviewRounds,
    long MaxResultBytes);
