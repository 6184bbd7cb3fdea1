namespace VideoPipeline.Domain.Scoring;

/// <summary>What the shot asked for: size in pixels, duration in seconds and the prompt; each null when not to be checked.</summary>
public sealed record ScoringRequest(int? Width = null, int? Height = null, double? DurationSeconds = null, string? Prompt = null);
