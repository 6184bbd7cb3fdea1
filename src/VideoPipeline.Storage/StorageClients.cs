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
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var problems = StorageOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), problems);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        var credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new BlobServiceClient(options.BlobServiceUri, credential);
    }
}
