using Microsoft.DurableTask.Client;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Services;

/// <summary>
/// Applies a provider callback for every host: verifies it with its provider's adapter, finds the waiting candidate by
/// the route token or the task registry, and raises <see cref="WorkflowEvents.ProviderUpdate"/>. A verified callback
/// is applied as is; an unsigned one goes as a hint (one status read). A route token and a task that belong to
/// different candidates are rejected: a valid token must not carry another candidate's result.
/// </summary>
public sealed class CallbackService(ProviderDirectory providers, ITaskRegistry registry, DurableTaskClient client)
{
    public async Task<CallbackResult> ApplyAsync(string providerId, ProviderCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (providers.TryGet(providerId) is not { } provider)
        {
            return new CallbackResult(CallbackOutcome.Unknown, Reason: $"no provider '{providerId}'");
        }

        var verdict = await provider.VerifyCallbackAsync(callback, cancellationToken);
        if (verdict.Trust == CallbackTrust.Rejected)
        {
            return new CallbackResult(CallbackOutcome.Rejected, Reason: verdict.RejectReason);
        }

        var byToken = callback.RouteToken is { Length: > 0 } token ? await registry.FindInstanceByTokenAsync(token, cancellationToken) : null;
        var byTask = verdict.TaskId is { } taskId ? (await registry.FindByTaskAsync(provider.Id, taskId, cancellationToken))?.InstanceId : null;
        if (byToken is not null && byTask is not null && !string.Equals(byToken, byTask, StringComparison.Ordinal))
        {
            return new CallbackResult(CallbackOutcome.Rejected, Reason: "the route token and the task belong to different candidates");
        }

        if ((byTask ?? byToken) is not { } instance)
        {
            return new CallbackResult(CallbackOutcome.Unknown, Reason: "no candidate registered this task");
        }

        await client.RaiseEventAsync(instance, WorkflowEvents.ProviderUpdate, new ProviderUpdate(verdict.Trust, verdict.Status), cancellationToken);
        return new CallbackResult(CallbackOutcome.Delivered, instance);
    }
}
