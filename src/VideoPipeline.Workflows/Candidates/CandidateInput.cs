using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>One candidate of one shot, routed to <see cref="Route"/>: everything the candidate orchestrator needs, no bytes.</summary>
public sealed record CandidateInput(
    string JobId,
    int ShotIndex,
    string CandidateId,
    RouteOption Route,
    CandidateTiming Timing,
    string Prompt,
    string? NegativePrompt,
    int DurationSeconds,
    string AspectRatio,
    string Resolution,
    long Seed,
    Uri? ReferenceImageUrl,
    long MaxResultBytes,
    ProviderWait? Waiting = null);
