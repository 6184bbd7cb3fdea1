using Microsoft.DurableTask.Client;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Services;

/// <summary>Reads a job's status for every host: the job instance's summary plus each shot instance's candidate detail.</summary>
public sealed class JobStatusReader(DurableTaskClient client)
{
    public async Task<JobStatusView?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await client.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var progress = job.ReadCustomStatusAs<JobProgress>();
        var shots = new List<ShotProgress?>();
        for (var index = 0; index < (progress?.ShotsTotal ?? 0); index++)
        {
            var shot = await client.GetInstanceAsync($"{jobId}:s{index:D2}", getInputsAndOutputs: true, cancellationToken);
            shots.Add(shot?.ReadCustomStatusAs<ShotProgress>());
        }

        return new JobStatusView(
            jobId, job.RuntimeStatus, progress, shots,
            job.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? job.ReadOutputAs<JobResult>() : null,
            job.FailureDetails?.ErrorMessage);
    }
}
