namespace VideoPipeline.Providers;

/// <summary>A submit may or may not have been accepted (its response was lost): reconcile, never re-post.</summary>
public sealed class SubmitInDoubtException : Exception
{
    public SubmitInDoubtException()
    {
    }

    public SubmitInDoubtException(string message)
        : base(message)
    {
    }

    public SubmitInDoubtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
