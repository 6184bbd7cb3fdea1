using Azure.Core;

namespace VideoPipeline.Storage;

/// <summary>
/// The one token credential the Blob and Table clients of a host share (so managed identity tokens are fetched once);
/// null with a connection string (Azurite), where no credential is made.
/// </summary>
public sealed class StorageCredential(StorageOptions options)
{
    public TokenCredential? Credential { get; } =
        string.IsNullOrWhiteSpace(options?.ConnectionString) && options?.BlobServiceUri is not null ? StorageClients.CreateCredential(options) : null;
}
