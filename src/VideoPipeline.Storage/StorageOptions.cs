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

    /// <summary>
    /// e.g. https://myaccount.table.core.windows.net, for the task registry with managed identity. Optional: derived from
    /// <see cref="BlobServiceUri"/> when that is an account's standard blob endpoint (<c>{account}.blob.{suffix}</c>).
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for system-assigned or developer credentials.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Container { get; set; } = BlobNames.DefaultContainer;

    /// <summary>The Table Storage table of the task registry (<see cref="TableTaskRegistry"/>); created when missing.</summary>
    public string TaskTable { get; set; } = DefaultTaskTable;

    public const string DefaultTaskTable = "videopipelinetasks";

    /// <summary><see cref="TableServiceUri"/>, or the one derived from <see cref="BlobServiceUri"/>; null when neither gives one.</summary>
    public Uri? ResolvedTableServiceUri()
    {
        if (TableServiceUri is not null || BlobServiceUri is null)
        {
            return TableServiceUri;
        }

        var labels = BlobServiceUri.Host.Split('.');
        if (labels.Length < 3 || !string.Equals(labels[1], "blob", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        labels[1] = "table";
        return new UriBuilder(BlobServiceUri) { Host = string.Join('.', labels), Path = "/", Query = string.Empty }.Uri;
    }
}
