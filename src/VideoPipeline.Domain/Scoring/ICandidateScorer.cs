namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// Measures one candidate on its own (the comparison across a shot is <see cref="ShotRanker"/>'s).
/// Never throws for a bad or slow file: that comes back as a disqualified measurement with the reason.
/// </summary>
public interface ICandidateScorer
{
    Task<CandidateMeasurement> MeasureAsync(string candidateId, string path, ScoringRequest request, CancellationToken cancellationToken);

    /// <summary>For a blob download: the stream is spooled to a temporary file, which ffmpeg needs to seek.</summary>
    Task<CandidateMeasurement> MeasureAsync(string candidateId, Stream content, ScoringRequest request, CancellationToken cancellationToken);
}
