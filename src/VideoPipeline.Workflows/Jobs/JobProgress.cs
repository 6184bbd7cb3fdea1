namespace VideoPipeline.Workflows.Jobs;

/// <summary>The job's custom status: stage, spend so far and a line per shot (kept small: 50 shots stay far under 16 KB).</summary>
public sealed record JobProgress(string Stage, int ShotsDone, int ShotsTotal, decimal CostUsd, decimal? EstimatedUsd, IReadOnlyList<ShotSummary> Shots, string? Message = null);
