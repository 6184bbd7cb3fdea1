using Microsoft.DurableTask;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>
/// A job (<c>{jobId}</c>): plans it and refuses it before any spend when a shot cannot be made or the cheapest plan
/// exceeds the budget; runs its shots with bounded parallelism, each with its share of the budget; keeps progress and
/// spend in custom status; writes <c>manifest.json</c>; notifies the optional callback URL, retried durably. It
/// completes with the shots that succeeded and names those that did not.
/// </summary>
public sealed class JobOrchestrator : TaskOrchestrator<JobInput, JobResult>
{
    private static readonly TaskOptions CallbackRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10)));

    public override async Task<JobResult> RunAsync(TaskOrchestrationContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        context.SetCustomStatus(new JobProgress(JobStages.Planning, 0, spec.Shots.Count, 0, null, []));
        var plan = await context.CallActivityAsync<JobPlan>(nameof(PlanJobActivity), input);
        if (plan.Refusal is { } refusal)
        {
            context.SetCustomStatus(new JobProgress(JobStages.Refused, 0, spec.Shots.Count, 0, plan.EstimatedUsd, [], refusal));
            return new JobResult(input.JobId, false, null, [], 0, 0, Refusal: refusal);
        }

        var summaries = new SortedDictionary<int, ShotSummary>();
        var results = new List<ShotResult>();
        var pending = new Queue<Domain.Jobs.ShotSpec>(spec.Shots);
        var running = new Dictionary<Task<ShotResult>, int>();
        Report(context, spec, plan, summaries, results, JobStages.Generating);
        while (pending.Count > 0 || running.Count > 0)
        {
            while (pending.Count > 0 && running.Count < plan.MaxParallelShots)
            {
                var shot = pending.Dequeue();
                running.Add(StartShot(context, input, plan, shot), shot.Index);
            }

            var done = await Task.WhenAny(running.Keys);
            var index = running[done];
            running.Remove(done);
            ShotResult result;
            try
            {
                result = await done;
            }
            catch (TaskFailedException ex)
            {
                result = new ShotResult(index, ShotState.Failed, null, null, [], [], 0, $"the shot's orchestration failed: {ex.FailureDetails.ErrorMessage}", spec.Shots[index].Prompt, 0);
            }

            results.Add(result);
            summaries[index] = ManifestBuilder.Summarize(result);
            Report(context, spec, plan, summaries, results, JobStages.Generating);
        }

        Report(context, spec, plan, summaries, results, JobStages.Finishing);
        var manifest = ManifestBuilder.Build(input, context.CurrentUtcDateTime, results);
        var manifestBlob = await context.CallActivityAsync<string>(nameof(WriteManifestActivity), manifest);
        var outcome = new JobResult(
            input.JobId, results.All(r => r.State == ShotState.Succeeded), manifestBlob, [.. summaries.Values],
            manifest.GeneratedSeconds, manifest.CostUsd);

        if (spec.CallbackUrl is { } callback)
        {
            try
            {
                await context.CallActivityAsync<int>(nameof(NotifyCallbackActivity), new NotifyCallbackRequest(callback, input.JobId, outcome), CallbackRetries);
            }
            catch (TaskFailedException ex)
            {
                outcome = outcome with { CallbackFailure = ex.FailureDetails.ErrorMessage };
            }
        }

        Report(context, spec, plan, summaries, results, JobStages.Done);
        return outcome;
    }

    private static Task<ShotResult> StartShot(TaskOrchestrationContext context, JobInput input, JobPlan plan, Domain.Jobs.ShotSpec shot)
    {
        var spec = input.Spec;
        var shotPlan = plan.Shots.Single(s => s.ShotIndex == shot.Index);
        return context.CallSubOrchestratorAsync<ShotResult>(
            nameof(ShotOrchestrator),
            new ShotInput(
                input.JobId, shot, spec.AspectRatio, spec.Resolution, spec.CandidatesPerShot, shotPlan.Routes, plan.Timings,
                ShareOfBudget(spec.BudgetUsd, plan, shotPlan), spec.Review, plan.Ranking, plan.MaxAttemptsPerSlot,
                plan.MaxReviewRounds, plan.MaxResultBytes),
            new SubOrchestrationOptions { InstanceId = $"{input.JobId}:s{shot.Index:D2}" });
    }

    /// <summary>The shot's planned cost plus its share (by planned cost) of what the budget leaves over: room for re-routes and review rounds.</summary>
    private static decimal? ShareOfBudget(decimal? budget, JobPlan plan, ShotPlan shot) =>
        budget is not { } total ? null
        : plan.EstimatedUsd == 0 ? total / plan.Shots.Count
        : shot.EstimatedUsd + ((total - plan.EstimatedUsd) * shot.EstimatedUsd / plan.EstimatedUsd);

    private static void Report(
        TaskOrchestrationContext context, Domain.Jobs.JobSpec spec, JobPlan plan, SortedDictionary<int, ShotSummary> summaries,
        List<ShotResult> results, string stage) =>
        context.SetCustomStatus(new JobProgress(stage, results.Count, spec.Shots.Count, results.Sum(r => r.CostUsd), plan.EstimatedUsd, [.. summaries.Values]));
}
