using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>What <c>manifest.json</c> holds: the brief's title, every shot with every candidate, and the totals.</summary>
public sealed record JobManifest(string JobId, string Title, DateTime CompletedAt, IReadOnlyList<ManifestShot> Shots, int GeneratedSeconds, decimal CostUsd);
