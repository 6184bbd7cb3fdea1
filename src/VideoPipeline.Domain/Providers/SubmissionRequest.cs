namespace VideoPipeline.Domain.Providers;

/// <summary>
/// What one candidate asks of a provider. <paramref name="CorrelationId"/> is stable across retries of
/// the same candidate (e.g. the candidate's instance id) so an in-doubt submit can be found again.
/// </summary>
public sealed record SubmissionRequest(
    string CorrelationId,
    string Prompt,
    int DurationSeconds,
    string AspectRatio,
    string Resolution,
    long Seed,
    string? NegativePrompt = null,
    Uri? ReferenceImageUrl = null,
    Uri? CallbackUrl = null,
    string? Model = null);
