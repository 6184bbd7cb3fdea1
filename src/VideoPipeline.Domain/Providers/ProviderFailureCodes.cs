namespace VideoPipeline.Domain.Providers;

/// <summary>
/// The stable codes of <see cref="ProviderFailure.Code"/>, one per reason a caller may act on. Compare with
/// <see cref="ProviderFailure.Is"/>; never compare messages. Each is made by the <see cref="ProviderFailures"/> method of the same name.
/// </summary>
public static class ProviderFailureCodes
{
    /// <summary>The provider throttled us and the retries ran out (transient).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The provider answered 5xx or said it is overloaded (transient).</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>No answer (connection refused, reset, DNS) (transient).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>No answer in time, headers or body (transient on reads).</summary>
    public const string Timeout = "timeout";

    /// <summary>The answer could not be read: not JSON, wrong types, truncated, oversized (transient on reads).</summary>
    public const string Malformed = "malformed_response";

    /// <summary>A submit may have been accepted (lost response, 500/502/504, unreadable 2xx): never re-posted.</summary>
    public const string InDoubt = "in_doubt";

    /// <summary>The provider's safety system refused the prompt, the image or the output.</summary>
    public const string Moderated = "moderated";

    /// <summary>The model is unknown, retired or not offered to this account: re-route the slot.</summary>
    public const string ModelUnavailable = "model_unavailable";

    /// <summary>The request asks for something the provider cannot make (refused before sending, or by the provider).</summary>
    public const string Unsupported = "unsupported_request";

    /// <summary>The provider refused the request as invalid (4xx).</summary>
    public const string Rejected = "request_rejected";

    /// <summary>Credentials refused (401/403), or the caller's IP is not allowed.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The account cannot pay or is suspended (arrears, depleted resource pack).</summary>
    public const string AccountBlocked = "account_blocked";

    /// <summary>The task or resource does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>A submit was refused because this candidate's earlier submit already created a task.</summary>
    public const string DuplicateSubmit = "duplicate_submit";

    /// <summary>The adapter has no credentials or a dependency is missing.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>The task ran and failed for the provider's own reasons (transient or not, per provider).</summary>
    public const string TaskFailed = "task_failed";

    /// <summary>The task was cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A result was asked of a task that has not succeeded.</summary>
    public const string NotSucceeded = "not_succeeded";

    /// <summary>The task succeeded without a usable result.</summary>
    public const string NoResult = "no_result";

    /// <summary>The result URL expired and a fresh one expired too.</summary>
    public const string ResultExpired = "result_expired";

    /// <summary>The result is larger than the configured cap.</summary>
    public const string ResultTooLarge = "result_too_large";

    /// <summary>The result URL is not https or not on the provider's host allow-list.</summary>
    public const string ResultUrlRefused = "result_url_refused";

    /// <summary>The result download failed (too many redirects, an error status).</summary>
    public const string DownloadFailed = "download_failed";

    /// <summary>Anything else (kept for exceptions built without a failure).</summary>
    public const string Unknown = "unknown";
}
