using Azure.Identity;
using Azure.Storage.Blobs;

namespace VideoPipeline.Storage;

/// <summary>Builds SDK clients from <see cref="StorageOptions"/>: a connection string for Azurite, managed identity in Azure.</summary>
public static class StorageClients
{
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid storage configuration: " + string.Join("; ", errors));
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
