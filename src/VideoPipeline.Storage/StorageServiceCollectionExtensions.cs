using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

/// <summary>Registers blob storage for a host: options from <c>Storage</c> validated at start, one client, the pipeline's container.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddVideoBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(sp => StorageClients.CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new VideoBlobStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Container)));
        return services;
    }
}
