using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Waits for a provider task to finish (ARCHITECTURE.md, "The workflows"): each round races the provider's webhook,
/// raised as <see cref="WorkflowEvents.ProviderUpdate"/>, against a durable timer, and cancels the loser. A verified
/// terminal callback is taken as is; a hint or an expired timer costs one status read; every unanswered timer doubles
/// the next interval up to the cap, until the deadline. The history stays bounded: after <see cref="RoundsPerExecution"/>
/// rounds the orchestration continues as new, keeping events that arrived meanwhile.
/// </summary>
public sealed class AwaitProviderTaskOrchestrator : TaskOrchestrator<ProviderWait, ProviderWaitResult>
{
    public const int RoundsPerExecution = 20;

    private static readonly TaskOptions StatusReadRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<ProviderWaitResult> RunAsync(TaskOrchestrationContext context, ProviderWait input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<AwaitProviderTaskOrchestrator>();
        var wait = input;
        ProviderTaskStatus? last = null;

        for (var round = 0; round < RoundsPerExecution; round++)
        {
            var now = context.CurrentUtcDateTime;
            if (now >= wait.Deadline)
            {
                return new ProviderWaitResult(ProviderWaitOutcome.TimedOut, last, wait.StatusReads, ByWebhook: false);
            }

            var checkAt = now + wait.NextCheckAfter < wait.Deadline ? now + wait.NextCheckAfter : wait.Deadline;
            using var cancel = new CancellationTokenSource();
            var update = context.WaitForExternalEvent<ProviderUpdate>(WorkflowEvents.ProviderUpdate, cancel.Token);
            var timer = context.CreateTimer(checkAt, cancel.Token);
            var first = await Task.WhenAny(update, timer);
            cancel.Cancel();

            if (first == update)
            {
                var received = await update;
                if (received.IsAuthoritativeResult)
                {
                    return new ProviderWaitResult(ProviderWaitOutcome.Finished, received.Status, wait.StatusReads, ByWebhook: true);
                }
            }
            else
            {
                wait = wait with { NextCheckAfter = Min(wait.NextCheckAfter * 2, wait.LongestCheckInterval) };
            }

            wait = wait with { StatusReads = wait.StatusReads + 1 };
            try
            {
                last = await context.CallActivityAsync<ProviderTaskStatus>(
                    nameof(ReadProviderStatusActivity), new ProviderStatusQuery(wait.ProviderId, wait.TaskId), StatusReadRetries);
            }
            catch (TaskFailedException ex)
            {
                // The provider could not be read even with retries: keep waiting, the deadline still bounds the wait.
                Log.StatusReadFailed(logger, wait.ProviderId, wait.TaskId, ex.FailureDetails.ErrorMessage);
                continue;
            }

            if (last.IsTerminal)
            {
                return new ProviderWaitResult(ProviderWaitOutcome.Finished, last, wait.StatusReads, ByWebhook: first == update);
            }
        }

        context.ContinueAsNew(wait, preserveUnprocessedEvents: true);
        return new ProviderWaitResult(ProviderWaitOutcome.TimedOut, last, wait.StatusReads, ByWebhook: false);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
