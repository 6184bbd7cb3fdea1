using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

/// <summary>Builds SDK clients from <see cref="StorageOptions"/>: a connection string for Azurite, managed identity in Azure.</summary>
public static class StorageClients
{
    /// <summary>
    /// Checks <paramref name="options"/> with <see cref="StorageOptionsValidator"/> first, so a caller that builds them
    /// without dependency injection fails the way a host does at start: <see cref="OptionsValidationException"/>, same message.
    /// </summary>
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options, TokenCredential? credential = null)
    {
        Validate(options);
        return HasConnectionString(options)
            ? new BlobServiceClient(options.ConnectionString)
            : new BlobServiceClient(options.BlobServiceUri, credential ?? CreateCredential(options));
    }

    /// <summary>The Table Storage client for the task registry; validated the same way as <see cref="CreateBlobServiceClient"/>.</summary>
    public static TableServiceClient CreateTableServiceClient(StorageOptions options, TokenCredential? credential = null)
    {
        Validate(options);
        return HasConnectionString(options)
            ? new TableServiceClient(options.ConnectionString)
            : new TableServiceClient(options.ResolvedTableServiceUri(), credential ?? CreateCredential(options));
    }

    /// <summary>Managed identity in Azure (the configured user-assigned one if given), developer credentials elsewhere; never a key.</summary>
    public static TokenCredential CreateCredential(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
    }

    private static bool HasConnectionString(StorageOptions options) => !string.IsNullOrWhiteSpace(options.ConnectionString);

    private static void Validate(StorageOptions options)
    {
        var problems = StorageOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), problems);
        }
    }
}
