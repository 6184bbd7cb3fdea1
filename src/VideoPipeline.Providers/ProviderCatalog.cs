using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers;

/// <summary>Finds a provider adapter by its id (<see cref="Domain.Jobs.ProviderIds"/>).</summary>
public sealed class ProviderCatalog(IServiceProvider services)
{
    public IVideoProvider Get(string providerId) =>
        TryGet(providerId) ?? throw new KeyNotFoundException($"no provider adapter '{providerId}' is registered");

    /// <summary>The adapter registered for <paramref name="providerId"/>, or null.</summary>
    public IVideoProvider? TryGet(string providerId) =>
        services.GetServices<IVideoProvider>().FirstOrDefault(p => string.Equals(p.Id, providerId, StringComparison.OrdinalIgnoreCase));
}
