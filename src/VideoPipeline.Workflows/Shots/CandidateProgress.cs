namespace VideoPipeline.Workflows.Shots;

/// <summary>One candidate in a shot's custom status: <see cref="State"/> is "running" until it ends.</summary>
public sealed record CandidateProgress(string CandidateId, string ProviderId, string Model, string State, double? Score, decimal CostUsd, string? Reason);
