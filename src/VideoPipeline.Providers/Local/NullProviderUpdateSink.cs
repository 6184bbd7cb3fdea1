using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Local;

/// <summary>The sink used until a host registers one: completions are then only seen by polling.</summary>
public sealed class NullProviderUpdateSink : IProviderUpdateSink
{
    public ValueTask OnUpdateAsync(string providerId, ProviderTaskStatus status, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
