using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>One candidate in the manifest: who made it, what it cost, its score breakdown and the one-line reason it won or lost.</summary>
public sealed record ManifestCandidate(
    string CandidateId, string ProviderId, string Model, string? TaskId, string State, int BilledSeconds, decimal CostUsd,
    string? Blob, double? Score, int? Rank, string Verdict, IReadOnlyList<MetricScore>? Metrics);
