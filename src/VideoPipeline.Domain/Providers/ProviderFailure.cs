namespace VideoPipeline.Domain.Providers;

/// <summary>
/// Why a provider call or task failed. <see cref="Code"/> is one of <see cref="ProviderFailureCodes"/> (stable,
/// ours, what callers branch on); <see cref="ProviderCode"/> is the provider's own code when it gave one (e.g.
/// Runway <c>SAFETY.INPUT.TEXT</c>, Kling <c>1301</c>, <c>http_404</c>), kept for the log and the user. Build
/// them with <see cref="ProviderFailures"/>.
/// </summary>
public sealed record ProviderFailure(ProviderFailureKind Kind, string Code, string Message, string? ProviderCode = null)
{
    public bool IsRetryable => Kind == ProviderFailureKind.Transient;

    /// <summary>True when this failure has the named code (one of <see cref="ProviderFailureCodes"/>).</summary>
    public bool Is(string code) => string.Equals(Code, code, StringComparison.Ordinal);
}
