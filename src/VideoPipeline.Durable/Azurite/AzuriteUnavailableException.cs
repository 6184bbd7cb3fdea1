namespace VideoPipeline.Durable.Azurite;

/// <summary>Azurite could not be started; the message names the missing piece and how to get it.</summary>
public sealed class AzuriteUnavailableException : Exception
{
    public AzuriteUnavailableException(string message)
        : base(message)
    {
    }

    public AzuriteUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzuriteUnavailableException()
    {
    }
}
