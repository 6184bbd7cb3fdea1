using System.Collections.ObjectModel;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// <see cref="IClipStore"/> on Blob Storage through <see cref="VideoBlobStore"/>, in the <see cref="BlobNames"/> layout.
/// Candidates carry the blob index tag <c>kind=candidate</c> (what the lifecycle rule that expires them matches),
/// winners <c>kind=winner</c>. The container is created on first use.
/// </summary>
public sealed class BlobClipStore(VideoBlobStore blobs) : IClipStore
{
    public const string VideoContentType = "video/mp4";

    public const string ManifestContentType = "application/json";

    /// <summary>Winner metadata naming the candidate it was copied from; it makes a repeated publish recognisable after the candidate expired.</summary>
    public const string CandidateMetadataKey = "candidate";

    private static readonly ReadOnlyDictionary<string, string> CandidateTags = new(new Dictionary<string, string> { [BlobNames.KindTag] = BlobNames.CandidateKind });

    private static readonly ReadOnlyDictionary<string, string> WinnerTags = new(new Dictionary<string, string> { [BlobNames.KindTag] = BlobNames.WinnerKind });

    /// <summary>Set once the container exists; racing first calls both create it, which is harmless.</summary>
    private volatile bool _containerReady;

    public async Task<StoredClip> SaveCandidateAsync(
        string jobId,
        int shotIndex,
        string candidateId,
        Stream content,
        long maxBytes,
        IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        BlobMetadata.ThrowIfInvalidKeys(metadata);
        var name = BlobNames.Candidate(jobId, shotIndex, candidateId);
        await EnsureContainerAsync(cancellationToken);
        var capped = new SizeCappedStream(content, maxBytes);
        try
        {
            await StorageCalls.RunAsync($"saving {name}", () => blobs.UploadAsync(name, capped, VideoContentType, new Dictionary<string, string>(metadata), new Dictionary<string, string>(CandidateTags), cancellationToken));
        }
        catch (Exception) when (capped.Exceeded)
        {
            await StorageCalls.RunAsync($"discarding the oversized {name}", () => blobs.DiscardAsync(name, CancellationToken.None));
            throw new ClipTooLargeException(name, maxBytes);
        }

        return new StoredClip(name, capped.BytesRead);
    }

    public async Task<Stream> OpenCandidateAsync(string jobId, int shotIndex, string candidateId, CancellationToken cancellationToken)
    {
        var name = BlobNames.Candidate(jobId, shotIndex, candidateId);
        return await OpenAsync(name, cancellationToken) ?? throw ClipNotFoundException.For(name);
    }

    public async Task<string> PublishWinnerAsync(string jobId, int shotIndex, string candidateId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        BlobMetadata.ThrowIfInvalidKeys(metadata);
        var source = BlobNames.Candidate(jobId, shotIndex, candidateId);
        var winner = BlobNames.Winner(jobId, shotIndex);
        var withSource = new Dictionary<string, string>(metadata) { [CandidateMetadataKey] = candidateId };
        await EnsureContainerAsync(cancellationToken);
        var copied = await StorageCalls.RunAsync($"copying {source} to {winner}", () => blobs.CopyAsync(source, winner, withSource, new Dictionary<string, string>(WinnerTags), cancellationToken));
        if (copied)
        {
            return winner;
        }

        // The candidate is gone; a publish that already happened (a retried activity after the candidate expired) is still done.
        var existing = await StorageCalls.RunAsync($"reading {winner}", () => blobs.GetMetadataAsync(winner, cancellationToken));
        return existing is not null && existing.TryGetValue(CandidateMetadataKey, out var published) && published == candidateId
            ? winner
            : throw ClipNotFoundException.For(source);
    }

    public async Task WriteManifestAsync(string jobId, ReadOnlyMemory<byte> manifestJson, CancellationToken cancellationToken)
    {
        var name = BlobNames.Manifest(jobId);
        await EnsureContainerAsync(cancellationToken);
        await StorageCalls.RunAsync($"writing {name}", async () =>
        {
            await using var content = new MemoryStream(manifestJson.ToArray(), writable: false);
            await blobs.UploadAsync(name, content, ManifestContentType, cancellationToken: cancellationToken);
        });
    }

    public Task<Stream?> OpenManifestAsync(string jobId, CancellationToken cancellationToken) =>
        OpenAsync(BlobNames.Manifest(jobId), cancellationToken);

    public Task<Stream?> OpenWinnerAsync(string jobId, int shotIndex, CancellationToken cancellationToken) =>
        OpenAsync(BlobNames.Winner(jobId, shotIndex), cancellationToken);

    private async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await StorageCalls.RunAsync($"reading {name}", () => blobs.OpenReadAsync(name, cancellationToken));
        return stored?.Content;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await StorageCalls.RunAsync("creating the container", () => blobs.EnsureContainerAsync(cancellationToken));
            _containerReady = true;
        }
    }
}
