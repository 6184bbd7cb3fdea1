using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Hosting;

/// <summary>The registered provider adapters by id, for activities that act on one provider's task.</summary>
public sealed class ProviderDirectory(IEnumerable<IVideoProvider> providers)
{
    public IVideoProvider Get(string providerId) =>
        TryGet(providerId) ?? throw new InvalidOperationException($"no provider adapter '{providerId}' is registered");

    /// <summary>The adapter for <paramref name="providerId"/>, or null when none is registered.</summary>
    public IVideoProvider? TryGet(string providerId) =>
        providers.FirstOrDefault(p => string.Equals(p.Id, providerId, StringComparison.OrdinalIgnoreCase));
}
