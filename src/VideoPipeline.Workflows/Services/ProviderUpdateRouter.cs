using Microsoft.DurableTask.Client;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Services;

/// <summary>
/// In-process completions (the Local provider's "callback"): authoritative, routed by the task registry like a verified
/// webhook. It must not depend on the providers, which depend on it.
/// </summary>
public sealed class ProviderUpdateRouter(ITaskRegistry registry, DurableTaskClient client) : IProviderUpdateSink
{
    public async ValueTask OnUpdateAsync(string providerId, ProviderTaskStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (await registry.FindByTaskAsync(providerId, status.TaskId, cancellationToken) is { } registration)
        {
            await client.RaiseEventAsync(registration.InstanceId, WorkflowEvents.ProviderUpdate, new ProviderUpdate(CallbackTrust.Authoritative, status), cancellationToken);
        }
    }
}
