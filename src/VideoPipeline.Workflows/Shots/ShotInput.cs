using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Shots;

/// <summary>
/// One shot of a job (<c>{jobId}:s{nn}</c>): its brief, the models that can make it (cheapest first, from the job's
/// plan), how to time each provider, the money it may spend, and how it is reviewed.
/// </summary>
public sealed record ShotInput(
    string JobId,
    ShotSpec Shot,
    string AspectRatio,
    string Resolution,
    int Candidates,
    IReadOnlyList<RouteOption> Routes,
    IReadOnlyDictionary<string, CandidateTiming> Timings,
    decimal? BudgetUsd,
    ReviewPolicy Review,
    RankingPolicy Ranking,
    int MaxAttemptsPerSlot,
    int MaxReviewRounds,
    long MaxResultBytes);
