namespace VideoPipeline.Workflows.Jobs;

/// <summary>One shot in the job's custom status; candidate detail lives in the shot instance's own status.</summary>
public sealed record ShotSummary(int ShotIndex, string State, string? Winner, string? WinnerProvider, double? Score, decimal CostUsd, int Candidates, int Failed, string? Reason);
