using Microsoft.DurableTask;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// One authoritative read of a task's state from its provider (the adapter retries 429s, 5xx and timeouts itself). A
/// permanent refusal (the task is unknown, e.g. a local render lost with its process) ends the task as failed, so the
/// wait does not run to its deadline; a transient one fails the activity and is retried.
/// </summary>
public sealed class ReadProviderStatusActivity(ProviderDirectory providers, TimeProvider time) : TaskActivity<ProviderStatusQuery, ProviderTaskStatus>
{
    public override async Task<ProviderTaskStatus> RunAsync(TaskActivityContext context, ProviderStatusQuery input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await providers.Get(input.ProviderId).GetStatusAsync(input.TaskId, CancellationToken.None);
        }
        catch (ProviderCallException ex) when (ex.Failure is { IsRetryable: false } failure)
        {
            return ProviderTaskStatus.Failed(input.TaskId, time.GetUtcNow(), failure);
        }
    }
}
