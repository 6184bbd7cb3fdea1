namespace VideoPipeline.Domain.Providers;

/// <summary>A provider call failed after the resilience pipeline gave up; <see cref="Failure"/> says whether a later try may help.</summary>
public sealed class ProviderCallException : Exception
{
    public ProviderCallException()
        : this(ProviderFailures.Unknown("provider call failed"))
    {
    }

    public ProviderCallException(string message)
        : this(ProviderFailures.Unknown(message))
    {
    }

    public ProviderCallException(string message, Exception innerException)
        : base(message, innerException) =>
        Failure = ProviderFailures.Unknown(message);

    public ProviderCallException(ProviderFailure failure, Exception? innerException = null)
        : base($"{failure.Kind} failure {failure.Code}{(failure.ProviderCode is { } own ? $" ({own})" : string.Empty)}: {failure.Message}", innerException) =>
        Failure = failure;

    public ProviderFailure Failure { get; }
}
