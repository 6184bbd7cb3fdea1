namespace VideoPipeline.Domain.Providers;

/// <summary>
/// One AI video provider behind one contract. Submissions are never blindly repeated: an adapter
/// whose submit response was lost reconciles instead of posting again, so one candidate never costs twice.
/// </summary>
public interface IVideoProvider
{
    /// <summary>One of <see cref="Jobs.ProviderIds"/>.</summary>
    string Id { get; }

    /// <summary>The provider's API was shut down: the adapter stays, but routing never picks it by default.</summary>
    bool IsRetired { get; }

    /// <summary>False when the adapter has no credentials: it refuses calls, and routing passes it over.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// True when <see cref="SubmitAsync"/> first looks for a task created under the request's correlation id and adopts
    /// it (Kling's <c>external_task_id</c>): a submit whose earlier attempt's answer was lost may then simply be run again.
    /// </summary>
    bool FindsEarlierSubmits => false;

    Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken);

    /// <summary>The provider's authoritative state of a task (reads are retried on 429, 5xx and timeouts).</summary>
    Task<ProviderTaskStatus> GetStatusAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the finished video as a stream (https, provider host allow-list, size cap). An expired
    /// result URL is refreshed by a status query and tried once more.
    /// </summary>
    Task<Stream> OpenResultAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Checks a callback's signature and freshness, then parses it; a rejected callback carries no state.</summary>
    Task<CallbackVerification> VerifyCallbackAsync(ProviderCallback callback, CancellationToken cancellationToken);

    PriceEstimate EstimatePrice(SubmissionRequest request);
}
