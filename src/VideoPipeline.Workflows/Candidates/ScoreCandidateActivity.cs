using Microsoft.DurableTask;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>Measures a stored candidate against what its shot asked for (the scorer never throws for a bad file: it disqualifies it).</summary>
public sealed class ScoreCandidateActivity(IClipStore clips, ICandidateScorer scorer) : TaskActivity<ScoreCandidateRequest, CandidateMeasurement>
{
    public override async Task<CandidateMeasurement> RunAsync(TaskActivityContext context, ScoreCandidateRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var candidate = input.Candidate;
        var (width, height) = Resolutions.Dimensions(candidate.Resolution, candidate.AspectRatio);
        await using var video = await clips.OpenCandidateAsync(candidate.JobId, candidate.ShotIndex, candidate.CandidateId, CancellationToken.None);
        return await scorer.MeasureAsync(candidate.CandidateId, video, new ScoringRequest(width, height, candidate.DurationSeconds, candidate.Prompt), CancellationToken.None);
    }
}
