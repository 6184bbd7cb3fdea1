namespace VideoPipeline.Domain.Providers;

/// <summary>
/// The one place provider failures are made: each method pairs a code of <see cref="ProviderFailureCodes"/>
/// with the kind that decides retries. <c>reason</c> is for people (never a secret or a signed URL);
/// <c>providerCode</c> is the provider's own code when it gave one.
/// </summary>
public static class ProviderFailures
{
    public static ProviderFailure RateLimited(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.RateLimited, reason, providerCode);

    public static ProviderFailure ProviderUnavailable(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.ProviderUnavailable, reason, providerCode);

    public static ProviderFailure Unreachable(string reason) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.Unreachable, reason);

    public static ProviderFailure Timeout(string reason) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.Timeout, reason);

    public static ProviderFailure Malformed(string reason) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.Malformed, reason);

    public static ProviderFailure InDoubt(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.InDoubt, ProviderFailureCodes.InDoubt, reason, providerCode);

    public static ProviderFailure Moderated(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Moderation, ProviderFailureCodes.Moderated, reason, providerCode);

    public static ProviderFailure ModelUnavailable(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.ModelUnavailable, reason, providerCode);

    public static ProviderFailure Unsupported(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.Unsupported, reason, providerCode);

    public static ProviderFailure Rejected(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.Rejected, reason, providerCode);

    public static ProviderFailure Unauthorized(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.Unauthorized, reason, providerCode);

    public static ProviderFailure AccountBlocked(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.AccountBlocked, reason, providerCode);

    public static ProviderFailure NotFound(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.NotFound, reason, providerCode);

    public static ProviderFailure DuplicateSubmit(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.DuplicateSubmit, reason, providerCode);

    public static ProviderFailure NotConfigured(string reason) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.NotConfigured, reason);

    /// <summary>A task that ran and failed; <paramref name="transient"/> when the provider says a new task may pass.</summary>
    public static ProviderFailure TaskFailed(string reason, string? providerCode = null, bool transient = false) =>
        new(transient ? ProviderFailureKind.Transient : ProviderFailureKind.Permanent, ProviderFailureCodes.TaskFailed, reason, providerCode);

    public static ProviderFailure Cancelled(string reason, string? providerCode = null) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.Cancelled, reason, providerCode);

    public static ProviderFailure NotSucceeded(string reason) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.NotSucceeded, reason);

    public static ProviderFailure NoResult(string reason) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.NoResult, reason);

    public static ProviderFailure ResultExpired(string reason) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.ResultExpired, reason);

    public static ProviderFailure ResultTooLarge(string reason) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.ResultTooLarge, reason);

    public static ProviderFailure ResultUrlRefused(string reason) =>
        new(ProviderFailureKind.Permanent, ProviderFailureCodes.ResultUrlRefused, reason);

    public static ProviderFailure DownloadFailed(string reason, bool transient, string? providerCode = null) =>
        new(transient ? ProviderFailureKind.Transient : ProviderFailureKind.Permanent, ProviderFailureCodes.DownloadFailed, reason, providerCode);

    public static ProviderFailure Unknown(string reason) =>
        new(ProviderFailureKind.Transient, ProviderFailureCodes.Unknown, reason);
}
