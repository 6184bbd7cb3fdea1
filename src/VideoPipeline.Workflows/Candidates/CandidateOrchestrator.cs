using Microsoft.DurableTask;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// One candidate (<c>{jobId}:s{nn}:c{k}</c>): submit once, wait for the provider (<see cref="ProviderWaitLoop"/>),
/// download into the candidate blob, measure. Every ending is a <see cref="CandidateResult"/> with its reason and its
/// cost; the shot decides what to do about failures.
/// </summary>
public sealed class CandidateOrchestrator : TaskOrchestrator<CandidateInput, CandidateResult>
{
    /// <summary>
    /// Bounds one execution's history: doubling checks reach the cap in a few rounds, so this covers hours of waiting
    /// at the default cap; a wait still short of its deadline after them (e.g. after a flood of hints) continues as
    /// new under the same instance id, so webhooks still find it, without submitting again.
    /// </summary>
    public const int MaxWaitRounds = 200;

    private static readonly TaskOptions DownloadRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    public override async Task<CandidateResult> RunAsync(TaskOrchestrationContext context, CandidateInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<CandidateOrchestrator>();
        var route = input.Route;

        var wait = input.Waiting;
        if (wait is null)
        {
            var (accepted, failure) = await SubmitAsync(context, input);
            if (accepted is null)
            {
                return Ended(input, null, failure!);
            }

            wait = new ProviderWait(route.ProviderId, accepted, context.CurrentUtcDateTime + input.Timing.Deadline, input.Timing.FirstCheckAfter, input.Timing.LongestCheckInterval);
        }

        var taskId = wait.TaskId;
        var (waited, next, _) = await ProviderWaitLoop.RunAsync(context, wait, MaxWaitRounds, logger);
        if (waited is null)
        {
            context.ContinueAsNew(input with { Waiting = next }, preserveUnprocessedEvents: true);
            return null!;
        }

        if (waited is not { Outcome: ProviderWaitOutcome.Finished, Status: { } status })
        {
            return new CandidateResult(
                input.CandidateId, route.ProviderId, route.Model, route.Mode, taskId, CandidateState.TimedOut,
                CandidateCost.Of(route, CandidateOutcome.InDoubt), ProviderFailureCodes.Timeout,
                $"{route.ProviderId} did not finish task {taskId} within {input.Timing.Deadline}",
                StatusReads: waited.StatusReads);
        }

        if (status.State != ProviderTaskState.Succeeded)
        {
            return Ended(input, taskId, status.Failure ?? ProviderFailures.TaskFailed("the task failed without a reason"), waited);
        }

        StoredClip clip;
        try
        {
            clip = await context.CallActivityAsync<StoredClip>(nameof(StoreCandidateActivity), new StoreCandidateRequest(input, taskId), DownloadRetries);
        }
        catch (TaskFailedException ex)
        {
            // Made (and billed) but not ours to keep: the shot may re-route the slot.
            return new CandidateResult(
                input.CandidateId, route.ProviderId, route.Model, route.Mode, taskId, CandidateState.Failed,
                CandidateCost.Of(route, CandidateOutcome.Succeeded), ProviderFailureCodes.DownloadFailed,
                $"the result could not be stored: {ex.FailureDetails.ErrorMessage}", StatusReads: waited.StatusReads, ByWebhook: waited.ByWebhook);
        }

        CandidateMeasurement measurement;
        try
        {
            measurement = await context.CallActivityAsync<CandidateMeasurement>(nameof(ScoreCandidateActivity), new ScoreCandidateRequest(input));
        }
        catch (TaskFailedException ex)
        {
            measurement = CandidateMeasurement.Failed(input.CandidateId, $"not scored: {ex.FailureDetails.ErrorMessage}");
        }

        return new CandidateResult(
            input.CandidateId, route.ProviderId, route.Model, route.Mode, taskId, CandidateState.Scored,
            CandidateCost.Of(route, CandidateOutcome.Succeeded), BlobName: clip.BlobName, Measurement: measurement,
            StatusReads: waited.StatusReads, ByWebhook: waited.ByWebhook);
    }

    /// <summary>Submits once: the task id, or why there is none (an activity that died may have posted: in doubt, never again).</summary>
    private static async Task<(string? TaskId, ProviderFailure? Failure)> SubmitAsync(TaskOrchestrationContext context, CandidateInput input)
    {
        SubmissionResult submitted;
        try
        {
            submitted = await context.CallActivityAsync<SubmissionResult>(
                nameof(SubmitCandidateActivity), new CandidateSubmission(context.InstanceId, context.NewGuid().ToString("N"), input));
        }
        catch (TaskFailedException ex)
        {
            return (null, ProviderFailures.InDoubt($"the submit failed unexpectedly: {ex.FailureDetails.ErrorMessage}"));
        }

        return submitted.TaskId is { } taskId
            ? (taskId, null)
            : (null, submitted.Failure ?? ProviderFailures.Unknown("the provider accepted nothing and said nothing"));
    }

    private static CandidateResult Ended(CandidateInput input, string? taskId, ProviderFailure failure, ProviderWaitResult? waited = null)
    {
        var route = input.Route;
        var (state, outcome) = failure.Kind switch
        {
            ProviderFailureKind.Moderation => (CandidateState.Moderated, CandidateOutcome.Moderated),
            ProviderFailureKind.InDoubt => (CandidateState.InDoubt, CandidateOutcome.InDoubt),
            _ => (CandidateState.Failed, taskId is null ? CandidateOutcome.NotSubmitted : CandidateOutcome.Failed),
        };
        return new CandidateResult(
            input.CandidateId, route.ProviderId, route.Model, route.Mode, taskId, state, CandidateCost.Of(route, outcome),
            failure.Code, failure.Message, StatusReads: waited?.StatusReads ?? 0, ByWebhook: waited?.ByWebhook ?? false);
    }
}
