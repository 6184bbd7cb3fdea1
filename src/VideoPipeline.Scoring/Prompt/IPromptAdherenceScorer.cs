using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Prompt;

/// <summary>
/// Measures how well a candidate's frames match the shot's prompt. The candidate scorer hands it
/// <see cref="FramesWanted"/> frames spread evenly over the clip, square RGB of <see cref="FrameSize"/>.
/// </summary>
public interface IPromptAdherenceScorer
{
    /// <summary>0 when this scorer measures nothing (no model configured): no frames are extracted for it.</summary>
    int FramesWanted { get; }

    int FrameSize { get; }

    /// <summary>A <see cref="MetricNames.PromptAdherence"/> reading; not measured, with the reason, when it cannot say.</summary>
    MetricReading Score(string? prompt, IReadOnlyList<ReadOnlyMemory<byte>> rgbFrames);
}
