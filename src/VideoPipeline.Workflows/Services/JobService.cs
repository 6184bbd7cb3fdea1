using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Workflows.Jobs;

namespace VideoPipeline.Workflows.Services;

/// <summary>
/// Starts jobs for every host. Idempotent: the job id is derived from the idempotency key (or the brief's
/// <c>clientJobId</c>, or the brief itself), so a repeated request finds the running or finished job instead of paying
/// twice; a known key with another brief is a conflict. A brief that cannot be made or afforded is refused before any
/// orchestration starts.
/// </summary>
public sealed class JobService(DurableTaskClient client, JobPlanner planner)
{
    private const string BriefTag = "videopipeline.brief";

    public async Task<JobStart> StartAsync(JobSpec spec, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = planner.Plan(spec);
        if (plan.Refusal is { } refusal)
        {
            return new JobStart(JobStartOutcome.Refused, null, refusal, plan.EstimatedUsd);
        }

        var brief = Fingerprint(spec);
        var jobId = JobIdFor(idempotencyKey ?? spec.ClientJobId ?? brief);
        var existing = await client.GetInstanceAsync(jobId, cancellationToken);
        if (existing is not null)
        {
            if (existing.Tags.TryGetValue(BriefTag, out var known) && !string.Equals(known, brief, StringComparison.Ordinal))
            {
                return new JobStart(JobStartOutcome.Conflict, jobId, $"job {jobId} was started with another brief under the same key");
            }

            if (existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
            {
                return new JobStart(JobStartOutcome.AlreadyExists, jobId, $"job {jobId} is {existing.RuntimeStatus}", plan.EstimatedUsd);
            }
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(JobOrchestrator), new JobInput(jobId, spec),
                new StartOrchestrationOptions(jobId) { Tags = new Dictionary<string, string>(StringComparer.Ordinal) { [BriefTag] = brief } },
                cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Another request with the same key won the race: that start stands.
            return new JobStart(JobStartOutcome.AlreadyExists, jobId, $"job {jobId} was started by a concurrent request", plan.EstimatedUsd);
        }

        return new JobStart(JobStartOutcome.Started, jobId, null, plan.EstimatedUsd);
    }

    /// <summary>A job id from a key: stable, URL- and instance-id-safe, not revealing the key.</summary>
    public static string JobIdFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"job-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20]}";
    }

    private static string Fingerprint(JobSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(spec, JobContractJsonContext.Default.JobSpec)));
}
