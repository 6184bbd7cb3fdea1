using Microsoft.DurableTask;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>Streams a finished task's video from its provider into the candidate's blob (size-capped; the adapter checks https and hosts).</summary>
public sealed class StoreCandidateActivity(ProviderDirectory providers, IClipStore clips) : TaskActivity<StoreCandidateRequest, StoredClip>
{
    public override async Task<StoredClip> RunAsync(TaskActivityContext context, StoreCandidateRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var candidate = input.Candidate;
        await using var video = await providers.Get(candidate.Route.ProviderId).OpenResultAsync(input.TaskId, CancellationToken.None);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provider"] = candidate.Route.ProviderId,
            ["model"] = candidate.Route.Model,
            ["task"] = input.TaskId,
        };
        return await clips.SaveCandidateAsync(candidate.JobId, candidate.ShotIndex, candidate.CandidateId, video, candidate.MaxResultBytes, metadata, CancellationToken.None);
    }
}
