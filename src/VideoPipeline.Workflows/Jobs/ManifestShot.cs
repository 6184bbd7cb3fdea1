namespace VideoPipeline.Workflows.Jobs;

public sealed record ManifestShot(int Index, string State, string Prompt, int Rounds, string? Winner, string? WinnerBlob, decimal CostUsd, string? FailureReason, IReadOnlyList<ManifestCandidate> Candidates);
