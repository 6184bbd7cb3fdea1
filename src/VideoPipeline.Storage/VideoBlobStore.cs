using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace VideoPipeline.Storage;

/// <summary>Streams clips and manifests in and out of the pipeline's container; bytes never pass through orchestration payloads.</summary>
public sealed class VideoBlobStore(BlobContainerClient container)
{
    public Uri ContainerUri => container.Uri;

    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Uploads <paramref name="content"/> to <paramref name="blobName"/>, replacing what is there, and returns the blob's URI.</summary>
    public async Task<Uri> UploadAsync(string blobName, Stream content, string contentType, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        }, cancellationToken);
        return blob.Uri;
    }

    /// <summary>The blob's content stream and metadata, or null when it does not exist.</summary>
    public async Task<StoredBlob?> OpenReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new StoredBlob(download.Value.Content, download.Value.Details.ContentType, download.Value.Details.Metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
