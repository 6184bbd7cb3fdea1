using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// Registers the pipeline's storage for a host: options from <c>Storage</c> validated at start; one Blob and one Table
/// client sharing one credential (managed identity in Azure, a connection string for Azurite); the container's
/// <see cref="VideoBlobStore"/>; <see cref="IClipStore"/> and <see cref="ITaskRegistry"/>.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddVideoBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(sp => new StorageCredential(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => StorageClients.CreateBlobServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageCredential>().Credential));
        services.TryAddSingleton(sp => StorageClients.CreateTableServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageCredential>().Credential));
        services.TryAddSingleton(sp => new VideoBlobStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Container)));
        services.TryAddSingleton<IClipStore>(sp => new BlobClipStore(sp.GetRequiredService<VideoBlobStore>()));
        services.TryAddSingleton<ITaskRegistry>(sp => new TableTaskRegistry(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TaskTable)));
        return services;
    }
}
