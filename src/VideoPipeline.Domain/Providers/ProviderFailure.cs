namespace VideoPipeline.Domain.Providers;

/// <summary>A failure with the provider's own code and reason (e.g. Runway <c>SAFETY.INPUT.TEXT</c>, Kling <c>1301</c>).</summary>
public sealed record ProviderFailure(ProviderFailureKind Kind, string Code, string Message)
{
    public bool IsRetryable => Kind == ProviderFailureKind.Transient;
}
