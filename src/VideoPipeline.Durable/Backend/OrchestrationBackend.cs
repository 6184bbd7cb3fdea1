using DurableTask.Core;

namespace VideoPipeline.Durable.Backend;

/// <summary>
/// The one orchestration service a process uses, created on first use (it may first have to start Azurite) and shared
/// by the worker and the client.
/// </summary>
public sealed class OrchestrationBackend : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<IOrchestrationService>> _create;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IOrchestrationService? _service;

    public OrchestrationBackend(Func<CancellationToken, Task<IOrchestrationService>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
    }

    public async Task<IOrchestrationService> GetServiceAsync(CancellationToken cancellationToken = default)
    {
        if (_service is not null)
        {
            return _service;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_service is null)
            {
                var service = await _create(cancellationToken).ConfigureAwait(false);
                if (service is not IOrchestrationServiceClient)
                {
                    throw new InvalidOperationException($"{service.GetType().Name} is not also an IOrchestrationServiceClient");
                }

                await service.CreateIfNotExistsAsync().ConfigureAwait(false);
                _service = service;
            }

            return _service;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IOrchestrationServiceClient> GetClientAsync(CancellationToken cancellationToken = default) =>
        (IOrchestrationServiceClient)await GetServiceAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        (_service as IDisposable)?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
