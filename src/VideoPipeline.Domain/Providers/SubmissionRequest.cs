namespace VideoPipeline.Domain.Providers;

/// <summary>
/// What one candidate asks of a provider. <paramref name="CorrelationId"/> is stable across retries of
/// the same candidate (e.g. the candidate's instance id) so an in-doubt submit can be found again.
/// <paramref name="Model"/> and <paramref name="Mode"/> come from the route (<see cref="Catalog.RouteOption"/>); null
/// means the adapter's configured default.
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
    string? Model = null,
    string? Mode = null);
