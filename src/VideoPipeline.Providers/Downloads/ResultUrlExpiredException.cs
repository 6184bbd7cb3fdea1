namespace VideoPipeline.Providers.Downloads;

/// <summary>A result URL no longer serves the video (signed URLs expire): refresh it with a status query.</summary>
public sealed class ResultUrlExpiredException : Exception
{
    public ResultUrlExpiredException()
    {
    }

    public ResultUrlExpiredException(string message)
        : base(message)
    {
    }

    public ResultUrlExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
