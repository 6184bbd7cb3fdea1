using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

/// <summary>Fails start-up with every bad <c>Storage</c> setting named, instead of at the first upload.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string S = StorageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(StorageOptions options)
    {
        var problems = new List<string>();
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnection && options.BlobServiceUri is not null)
        {
            problems.Add($"{S}:ConnectionString and {S}:BlobServiceUri must not both be set: the connection string is for Azurite, the URI for Azure");
        }
        else if (!hasConnection && options.BlobServiceUri is null)
        {
            problems.Add($"{S}:ConnectionString (Azurite) or {S}:BlobServiceUri (Azure, with managed identity) must be set");
        }

        if (options.BlobServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{S}:BlobServiceUri must be an absolute https URI; got {WithoutQuery(uri)}");
        }

        if (hasConnection && options.TableServiceUri is not null)
        {
            problems.Add($"{S}:ConnectionString and {S}:TableServiceUri must not both be set: the connection string is for Azurite, the URI for Azure");
        }

        if (options.TableServiceUri is { } tableUri && (!tableUri.IsAbsoluteUri || tableUri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{S}:TableServiceUri must be an absolute https URI; got {WithoutQuery(tableUri)}");
        }
        else if (!hasConnection && options.BlobServiceUri is { IsAbsoluteUri: true } && options.ResolvedTableServiceUri() is null)
        {
            problems.Add($"{S}:TableServiceUri must be set: it cannot be derived from {S}:BlobServiceUri {WithoutQuery(options.BlobServiceUri)}, which is not an account's {{account}}.blob.{{suffix}} endpoint");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
        {
            problems.Add($"{S}:ManagedIdentityClientId must be the identity's client id, a GUID; got '{options.ManagedIdentityClientId}'");
        }

        if (!IsContainerName(options.Container))
        {
            problems.Add($"{S}:Container must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit; got '{options.Container}'");
        }

        if (!IsTableName(options.TaskTable))
        {
            problems.Add($"{S}:TaskTable must be 3 to 63 letters and digits, starting with a letter; got '{options.TaskTable}'");
        }

        return problems;
    }

    /// <summary>The URI as configured, minus any query: a SAS token must never reach a log.</summary>
    private static string WithoutQuery(Uri uri) => uri.OriginalString.Split('?', 2)[0];

    /// <summary>Blob Storage's rule for container names.</summary>
    private static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>Table Storage's rule for table names ("tables" itself is reserved).</summary>
    private static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit)
        && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
}
