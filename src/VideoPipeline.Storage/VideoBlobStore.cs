using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace VideoPipeline.Storage;

/// <summary>
/// Streams clips and manifests in and out of the pipeline's container; bytes never pass through orchestration payloads.
/// Metadata goes through <see cref="BlobMetadata"/>, so values may be any text. SDK exceptions pass through: the
/// port adapters (<see cref="BlobClipStore"/>) turn them into the ports' own.
/// </summary>
public sealed class VideoBlobStore(BlobContainerClient container)
{
    /// <summary>
    /// Uploads go in 4 MiB blocks, one at a time: memory per upload stays bounded however large the clip, a clip
    /// above the first block is staged and then committed in one step (a failed upload commits nothing), and when
    /// the source fails no block is still in flight, so <see cref="DiscardAsync"/> really leaves nothing. (With two
    /// blocks in flight a stage request could land after the discard and leave an uncommitted blob: seen in a test.)
    /// </summary>
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 1,
    };

    public Uri ContainerUri => container.Uri;

    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Uploads <paramref name="content"/> to <paramref name="blobName"/>, replacing what is there, and returns the blob's URI.</summary>
    /// <param name="tags">Blob index tags (what lifecycle rules can match), e.g. <see cref="Domain.Storage.BlobNames.KindTag"/>.</param>
    public async Task<Uri> UploadAsync(
        string blobName,
        Stream content,
        string contentType,
        IDictionary<string, string>? metadata = null,
        IDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata is null ? null : BlobMetadata.Encode(metadata),
            Tags = tags,
            TransferOptions = Transfer,
        }, cancellationToken);
        return blob.Uri;
    }

    /// <summary>
    /// Leaves nothing under <paramref name="blobName"/>: committing an empty block list drops any blocks a failed
    /// upload staged (they would otherwise linger as an uncommitted blob), then the blob is deleted.
    /// </summary>
    public async Task DiscardAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlockBlobClient(blobName);
        await blob.CommitBlockListAsync([], cancellationToken: cancellationToken);
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Copies <paramref name="sourceBlobName"/> to <paramref name="destinationBlobName"/> inside the service (the bytes
    /// never reach this process), replacing the destination, with its own metadata and tags; waits for the copy to finish.
    /// Returns false when the source does not exist.
    /// </summary>
    public async Task<bool> CopyAsync(
        string sourceBlobName,
        string destinationBlobName,
        IDictionary<string, string> metadata,
        IDictionary<string, string>? tags,
        CancellationToken cancellationToken = default)
    {
        var source = container.GetBlobClient(sourceBlobName);
        var destination = container.GetBlobClient(destinationBlobName);
        try
        {
            var copy = await destination.StartCopyFromUriAsync(source.Uri, new BlobCopyFromUriOptions
            {
                Metadata = BlobMetadata.Encode(metadata),
                Tags = tags,
            }, cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.CannotVerifyCopySource || ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The blob's decoded metadata, or null when it does not exist.</summary>
    public async Task<IDictionary<string, string>?> GetMetadataAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return BlobMetadata.Decode(properties.Value.Metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's content stream and metadata, or null when it does not exist.</summary>
    public async Task<StoredBlob?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new StoredBlob(download.Value.Content, download.Value.Details.ContentType, BlobMetadata.Decode(download.Value.Details.Metadata));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
