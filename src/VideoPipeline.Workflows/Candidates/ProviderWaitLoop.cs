using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// The wait for a provider task (ARCHITECTURE.md, "The workflows"), shared by the orchestrators that wait: each round
/// races the provider's webhook, raised as <see cref="WorkflowEvents.ProviderUpdate"/>, against a durable timer and
/// cancels the loser. A verified terminal callback is taken as is, a verified progress one costs nothing; a hint or an
/// expired timer costs one status read;
/// every unanswered timer doubles the next interval up to the cap, until the deadline.
/// </summary>
public static class ProviderWaitLoop
{
    private static readonly TaskOptions StatusReadRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <summary>
    /// Runs at most <paramref name="rounds"/> rounds: the result when the task finished or the deadline passed, else
    /// null with the state to carry on from (after <c>ContinueAsNew</c>, or not at all).
    /// </summary>
    public static async Task<(ProviderWaitResult? Result, ProviderWait Next, ProviderTaskStatus? Last)> RunAsync(
        TaskOrchestrationContext context, ProviderWait wait, int rounds, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wait);
        ProviderTaskStatus? last = null;
        for (var round = 0; round < rounds; round++)
        {
            var now = context.CurrentUtcDateTime;
            if (now >= wait.Deadline)
            {
                return (new ProviderWaitResult(ProviderWaitOutcome.TimedOut, last, wait.StatusReads, ByWebhook: false), wait, last);
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
                    return (new ProviderWaitResult(ProviderWaitOutcome.Finished, received.Status, wait.StatusReads, ByWebhook: true), wait, received.Status);
                }

                if (received is { Trust: CallbackTrust.Authoritative, Status: { } progress })
                {
                    // A verified "still working" (or a stale one, out of order) says all a read would: keep waiting.
                    last = progress;
                    continue;
                }
            }
            else
            {
                wait = wait with { NextCheckAfter = wait.NextCheckAfter * 2 < wait.LongestCheckInterval ? wait.NextCheckAfter * 2 : wait.LongestCheckInterval };
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
                return (new ProviderWaitResult(ProviderWaitOutcome.Finished, last, wait.StatusReads, ByWebhook: first == update), wait, last);
            }
        }

        return (null, wait, last);
    }
}
