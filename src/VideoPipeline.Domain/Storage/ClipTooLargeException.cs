namespace VideoPipeline.Domain.Storage;

/// <summary>A clip was larger than the size cap it was saved under; nothing of it was kept. The message names the limit.</summary>
public sealed class ClipTooLargeException : Exception
{
    public ClipTooLargeException()
        : this("the clip is larger than the size cap")
    {
    }

    public ClipTooLargeException(string message)
        : base(message) => BlobName = string.Empty;

    public ClipTooLargeException(string message, Exception innerException)
        : base(message, innerException) => BlobName = string.Empty;

    public ClipTooLargeException(string blobName, long maxBytes)
        : base($"{blobName} is larger than the limit of {maxBytes} bytes; nothing was kept")
    {
        BlobName = blobName;
        MaxBytes = maxBytes;
    }

    public string BlobName { get; }

    public long MaxBytes { get; }
}
