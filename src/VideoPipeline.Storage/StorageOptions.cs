using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// How to reach storage. Locally a connection string (Azurite); in Azure a service URI and managed
/// identity, never a key. Bound from the <c>Storage</c> configuration section.
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

    /// <summary>Every configuration mistake, each naming its setting, so start-up fails with all of them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var hasConnection = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnection == (BlobServiceUri is not null))
        {
            errors.Add($"{SectionName}:ConnectionString or {SectionName}:BlobServiceUri must be set, not both");
        }

        if (BlobServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{SectionName}:BlobServiceUri must be an absolute https URI");
        }

        if (string.IsNullOrWhiteSpace(Container) || Container.Length is < 3 or > 63 || !Container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add($"{SectionName}:Container must be 3–63 lowercase letters, digits or hyphens");
        }

        return errors;
    }
}
