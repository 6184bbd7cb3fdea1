namespace VideoPipeline.Domain.Storage;

/// <summary>
/// A Blob or Table Storage call failed (unreachable, throttled past the retries, refused credentials...). Storage
/// adapters throw this, never the SDK's own exceptions; <see cref="Status"/> is the HTTP status (0 when none arrived).
/// Activities may retry it: every storage operation of the ports is idempotent.
/// </summary>
public sealed class StorageCallException : Exception
{
    public StorageCallException()
        : this("a storage call failed")
    {
    }

    public StorageCallException(string message)
        : base(message) => Operation = string.Empty;

    public StorageCallException(string message, Exception innerException)
        : base(message, innerException) => Operation = string.Empty;

    public StorageCallException(string operation, int status, string? errorCode, Exception innerException)
        : base($"{operation} failed: {(status == 0 ? "no response" : $"HTTP {status}")}{(errorCode is null ? string.Empty : $" ({errorCode})")}", innerException)
    {
        Operation = operation;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>What was attempted, e.g. <c>saving jobs/j1/shots/00/candidates/c1.mp4</c>.</summary>
    public string Operation { get; }

    public int Status { get; }

    public string? ErrorCode { get; }
}
