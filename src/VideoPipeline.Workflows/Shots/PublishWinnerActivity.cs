using Microsoft.DurableTask;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Workflows.Shots;

/// <summary>Copies the winner server-side to the shot's <c>winner.mp4</c> with its provider, model, score and cost as metadata.</summary>
public sealed class PublishWinnerActivity(IClipStore clips) : TaskActivity<PublishWinnerRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, PublishWinnerRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return clips.PublishWinnerAsync(input.JobId, input.ShotIndex, input.CandidateId, input.Metadata, CancellationToken.None);
    }
}
