namespace VideoPipeline.Domain.Storage;

/// <summary>
/// Candidates, winners and manifests in the one container, in the <see cref="BlobNames"/> layout. Orchestrations pass the
/// blob names this returns, never bytes. Metadata keys are C# identifiers (letters, digits, underscore); values may be any text.
/// A storage outage surfaces as <see cref="StorageCallException"/>; every operation is safe to repeat.
/// </summary>
public interface IClipStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into <c>jobs/{jobId}/shots/{nn}/candidates/{candidateId}.mp4</c> (content type
    /// <c>video/mp4</c>, <paramref name="metadata"/>), replacing an earlier attempt. More than <paramref name="maxBytes"/>
    /// throws <see cref="ClipTooLargeException"/> naming the limit, and nothing partial is left behind.
    /// </summary>
    Task<StoredClip> SaveCandidateAsync(string jobId, int shotIndex, string candidateId, Stream content, long maxBytes, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>The candidate's bytes (for scoring); <see cref="ClipNotFoundException"/> when it was never saved or has expired.</summary>
    Task<Stream> OpenCandidateAsync(string jobId, int shotIndex, string candidateId, CancellationToken cancellationToken);

    /// <summary>
    /// Server-side copy of the candidate to <c>jobs/{jobId}/shots/{nn}/winner.mp4</c> with <paramref name="metadata"/>
    /// (provider, model, score, cost...); idempotent; returns the winner's blob name. <see cref="ClipNotFoundException"/>
    /// when the candidate is missing.
    /// </summary>
    Task<string> PublishWinnerAsync(string jobId, int shotIndex, string candidateId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) <c>jobs/{jobId}/manifest.json</c>.</summary>
    Task WriteManifestAsync(string jobId, ReadOnlyMemory<byte> manifestJson, CancellationToken cancellationToken);

    /// <summary>The manifest's bytes, or null when the job has none yet.</summary>
    Task<Stream?> OpenManifestAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The shot's winner, or null when none was published.</summary>
    Task<Stream?> OpenWinnerAsync(string jobId, int shotIndex, CancellationToken cancellationToken);
}
