namespace VideoPipeline.Domain.Providers;

/// <summary>A provider call failed after the resilience pipeline gave up; <see cref="Failure"/> says whether a later try may help.</summary>
public sealed class ProviderCallException : Exception
{
    public ProviderCallException()
        : this(new ProviderFailure(ProviderFailureKind.Transient, "unknown", "provider call failed"))
    {
    }

    public ProviderCallException(string message)
        : this(new ProviderFailure(ProviderFailureKind.Transient, "unknown", message))
    {
    }

    public ProviderCallException(string message, Exception innerException)
        : base(message, innerException) =>
        Failure = new ProviderFailure(ProviderFailureKind.Transient, "unknown", message);

    public ProviderCallException(ProviderFailure failure, Exception? innerException = null)
        : base($"{failure.Kind} failure {failure.Code}: {failure.Message}", innerException) =>
        Failure = failure;

    public ProviderFailure Failure { get; }
}
