using Microsoft.DurableTask;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>One authoritative read of a task's state from its provider (the adapter retries 429s, 5xx and timeouts itself).</summary>
public sealed class ReadProviderStatusActivity(IEnumerable<IVideoProvider> providers) : TaskActivity<ProviderStatusQuery, ProviderTaskStatus>
{
    public override Task<ProviderTaskStatus> RunAsync(TaskActivityContext context, ProviderStatusQuery input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = providers.FirstOrDefault(p => string.Equals(p.Id, input.ProviderId, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no provider '{input.ProviderId}' is registered");
        return provider.GetStatusAsync(input.TaskId, CancellationToken.None);
    }
}
