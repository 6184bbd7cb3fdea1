using Microsoft.DurableTask;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Waits for a provider task to finish (<see cref="ProviderWaitLoop"/>) for as long as it takes: after
/// <see cref="RoundsPerExecution"/> rounds it continues as new, keeping events that arrived meanwhile, so the history
/// stays bounded.
/// </summary>
public sealed class AwaitProviderTaskOrchestrator : TaskOrchestrator<ProviderWait, ProviderWaitResult>
{
    public const int RoundsPerExecution = 20;

    public override async Task<ProviderWaitResult> RunAsync(TaskOrchestrationContext context, ProviderWait input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (result, next, last) = await ProviderWaitLoop.RunAsync(
            context, input, RoundsPerExecution, context.CreateReplaySafeLogger<AwaitProviderTaskOrchestrator>());
        if (result is not null)
        {
            return result;
        }

        context.ContinueAsNew(next, preserveUnprocessedEvents: true);
        return new ProviderWaitResult(ProviderWaitOutcome.TimedOut, last, next.StatusReads, ByWebhook: false);
    }
}
