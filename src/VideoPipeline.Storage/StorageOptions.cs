using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// How to reach storage. Locally a connection string (Azurite); in Azure a service URI and managed
/// identity, never a key. Bound from the <c>Storage</c> configuration section and checked by <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Azurite or other development storage only; leave empty in Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://myaccount.blob.core.windows.net; used with managed identity when no connection string is set.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for system-assigned or developer credentials.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Container { get; set; } = BlobNames.DefaultContainer;
}
