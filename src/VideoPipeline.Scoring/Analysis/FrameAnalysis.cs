using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>What one ffmpeg pass found: frame count, the metric readings, and the raw files of each <see cref="FrameTap"/>.</summary>
internal sealed record FrameAnalysis(int DecodedFrames, IReadOnlyList<MetricReading> Readings, IReadOnlyDictionary<string, string> TapFiles);
