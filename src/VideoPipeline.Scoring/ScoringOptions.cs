using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring;

/// <summary>How candidates are measured and weighed; bound from the <c>Scoring</c> section and checked by <see cref="ScoringOptionsValidator"/>.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    /// <summary>Candidates measured at once. ffmpeg decodes with several threads itself, so more than the core count only adds contention.</summary>
    public int MaxParallelism { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>A candidate not measured by then is reported as not scored (and cannot win) instead of holding up its shot.</summary>
    public TimeSpan CandidateTimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Short side of the downscale every metric is computed on; content defects show at 360p and it is far cheaper than full size.</summary>
    public int AnalysisShortSide { get; set; } = 360;

    /// <summary>Allowed video codecs (ffprobe names), comma-separated.</summary>
    public string AllowedCodecs { get; set; } = "h264,hevc,vp9,av1";

    /// <summary>How far the duration may be from the requested one, in seconds.</summary>
    public double DurationToleranceSeconds { get; set; } = 1.0;

    /// <summary>Relative difference of display aspect ratios still taken as the requested one (0.01 = 1 %).</summary>
    public double AspectTolerance { get; set; } = 0.01;

    /// <summary>Pixels either dimension may differ from the requested size (codecs pad to 8 or 16, e.g. 1080 → 1088).</summary>
    public int ResolutionTolerancePixels { get; set; } = 8;

    /// <summary>Decoded over declared frames below this disqualifies: frames are missing.</summary>
    public double MinDecodedRatio { get; set; } = 0.98;

    /// <summary>Weight of each metric (<see cref="MetricNames"/>); configuration overrides single entries and keeps the rest.</summary>
    public Dictionary<string, double> Weights { get; } = new(RankingPolicy.DefaultWeights, StringComparer.Ordinal);

    /// <summary>Mean motion (see <see cref="VideoPipeline.Domain.Scoring.MetricNames.Motion"/>) below this is too static (see <see cref="MotionBand"/>).</summary>
    public double MotionLow { get; set; } = MotionBand.Default.Low;

    /// <summary>Mean motion above this is too chaotic.</summary>
    public double MotionHigh { get; set; } = MotionBand.Default.High;

    /// <summary>The BlazeFace 128×128 ONNX file; empty means the one npm installs under node_modules.</summary>
    public string? FaceModelPath { get; set; }

    /// <summary>Frames per second sampled for face detection.</summary>
    public double FaceSampleFps { get; set; } = 2;

    /// <summary>Detections below this confidence are ignored.</summary>
    public double FaceMinConfidence { get; set; } = 0.6;

    /// <summary>Prompt adherence (CLIPScore); measured only when all its files are configured.</summary>
    public ClipModelOptions Clip { get; set; } = new();

    public IReadOnlyList<string> AllowedCodecList() =>
        AllowedCodecs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public RankingPolicy ToRankingPolicy() => new(new Dictionary<string, double>(Weights, StringComparer.Ordinal), new MotionBand(MotionLow, MotionHigh));
}
