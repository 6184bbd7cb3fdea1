using Microsoft.DurableTask.Client;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Services;

/// <summary>Delivers a reviewer's decision to a shot that is awaiting review; false when the shot is not waiting for one.</summary>
public sealed class ReviewService(DurableTaskClient client)
{
    public async Task<bool> DecideAsync(string jobId, int shotIndex, ReviewDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var instance = $"{jobId}:s{shotIndex:D2}";
        var shot = await client.GetInstanceAsync(instance, getInputsAndOutputs: true, cancellationToken);
        if (shot?.ReadCustomStatusAs<ShotProgress>() is not { State: ShotState.AwaitingReview })
        {
            return false;
        }

        await client.RaiseEventAsync(instance, WorkflowEvents.ReviewDecision, decision, cancellationToken);
        return true;
    }
}
