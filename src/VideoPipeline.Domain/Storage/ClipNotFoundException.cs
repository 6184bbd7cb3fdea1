namespace VideoPipeline.Domain.Storage;

/// <summary>A clip that must exist (a candidate to score or publish) is not in the container: never saved, or expired.</summary>
public sealed class ClipNotFoundException : Exception
{
    public ClipNotFoundException()
        : this("the clip does not exist")
    {
    }

    public ClipNotFoundException(string message)
        : base(message) => BlobName = string.Empty;

    public ClipNotFoundException(string message, Exception innerException)
        : base(message, innerException) => BlobName = string.Empty;

    private ClipNotFoundException(string message, string blobName, Exception? innerException)
        : base(message, innerException) => BlobName = blobName;

    public string BlobName { get; }

    /// <summary>The failure for <paramref name="blobName"/>, with the storage error that reported it.</summary>
    public static ClipNotFoundException For(string blobName, Exception? innerException = null) =>
        new($"{blobName} does not exist (never saved, or expired)", blobName, innerException);
}
