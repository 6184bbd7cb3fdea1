using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Passes every call to the scorer; marks when it finished a candidate the <see cref="TimedClipStore"/> opened.</summary>
internal sealed class TimedCandidateScorer(ICandidateScorer inner, PipelineTimeline timeline) : ICandidateScorer
{
    public Task<CandidateMeasurement> MeasureAsync(string candidateId, string path, ScoringRequest request, CancellationToken cancellationToken) =>
        inner.MeasureAsync(candidateId, path, request, cancellationToken);

    public async Task<CandidateMeasurement> MeasureAsync(string candidateId, Stream content, ScoringRequest request, CancellationToken cancellationToken)
    {
        var measurement = await inner.MeasureAsync(candidateId, content, request, cancellationToken);
        if (timeline.TagOf(content) is { } key)
        {
            timeline.Mark(PipelineTimeline.ScoringEnded, key);
        }

        return measurement;
    }
}
