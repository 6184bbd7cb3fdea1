using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>The models that can make one shot (cheapest first), what its candidates would cost at the cheapest, or why nothing can make it.</summary>
public sealed record ShotPlan(int ShotIndex, IReadOnlyList<RouteOption> Routes, decimal EstimatedUsd, string? Refusal);
