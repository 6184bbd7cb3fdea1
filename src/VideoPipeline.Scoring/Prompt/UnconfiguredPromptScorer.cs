using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Prompt;

/// <summary>No image-text model is configured: prompt adherence is reported as not measured, never guessed.</summary>
public sealed class UnconfiguredPromptScorer : IPromptAdherenceScorer
{
    public const string Reason = "no image-text model configured (Scoring:Clip)";

    public int FramesWanted => 0;

    public int FrameSize => 0;

    public MetricReading Score(string? prompt, IReadOnlyList<ReadOnlyMemory<byte>> rgbFrames) =>
        MetricReading.NotMeasured(MetricNames.PromptAdherence, Reason);
}
