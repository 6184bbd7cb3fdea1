namespace VideoPipeline.Domain.Storage;

/// <summary>A clip written to the container: its blob name (see <see cref="BlobNames"/>) and size.</summary>
public sealed record StoredClip(string BlobName, long Bytes);
