namespace VideoPipeline.Domain.Scoring;

/// <summary>Names of the per-candidate metrics: keys of the breakdown in the manifest; the preferences are also the keys of <c>Scoring:Weights</c>.</summary>
public static class MetricNames
{
    /// <summary>Decoded frames over the frames the container declares; below 1 means frames were lost.</summary>
    public const string DecodedRatio = "decodedRatio";

    /// <summary>Fraction of the clip's duration that is black (ffmpeg blackdetect).</summary>
    public const string BlackFraction = "blackFraction";

    /// <summary>Fraction of the clip's duration that is frozen (ffmpeg freezedetect).</summary>
    public const string FreezeFraction = "freezeFraction";

    /// <summary>Hard cuts (ffmpeg scdet); a shot is meant to be one continuous take.</summary>
    public const string CutCount = "cutCount";

    /// <summary>VBench temporal flicker on frame-mean luma: 1 − mean absolute difference of consecutive frames / 255 (1 is steady).</summary>
    public const string Flicker = "flicker";

    /// <summary>Mean absolute difference of consecutive low-passed luma frames (VMAF motion's scale); rewarded inside a band so frozen and chaotic clips both lose.</summary>
    public const string Motion = "motion";

    /// <summary>Mean ffmpeg blurdetect index; lower is sharper.</summary>
    public const string Blur = "blur";

    /// <summary>Mean Sobel gradient magnitude of luma / 255: how much edge and texture detail the frames carry.</summary>
    public const string Detail = "detail";

    /// <summary>Fraction of sampled frames with a face; informational (default weight 0).</summary>
    public const string FacePresence = "facePresence";

    /// <summary>How steady detected faces are in count and position, in [0, 1]; not measured when no face is seen.</summary>
    public const string FaceStability = "faceStability";

    /// <summary>CLIPScore of sampled frames against the shot's prompt; not measured unless a model is configured.</summary>
    public const string PromptAdherence = "promptAdherence";

    /// <summary>Defect: mean H.264 frame quantiser (QP, 0–51) the decoder reports; high is blocky compression.</summary>
    public const string Quantiser = "quantiser";

    /// <summary>Defect: distinct pictures per second outside frozen stretches; low is a stutter (frames repeated).</summary>
    public const string EffectiveFps = "effectiveFps";

    /// <summary>Defect: frame-to-frame change of the calmest picture areas, in 8-bit levels; high is temporal noise.</summary>
    public const string TemporalNoise = "temporalNoise";

    /// <summary>Defect: share of the frame inside black bars (letterbox, pillarbox, windowbox); 1 is the full frame.</summary>
    public const string ActiveArea = "activeArea";

    /// <summary>Defect: 1st to 99th percentile of luma inside the active picture, 8-bit full range; narrow is washed out.</summary>
    public const string LumaRange = "lumaRange";

    /// <summary>Defect: share of the active picture at pure white (luma ≥ 250 of 255).</summary>
    public const string ClippedHighlights = "clippedHighlights";

    /// <summary>Defect: share of the active picture at pure black (luma ≤ 5 of 255).</summary>
    public const string CrushedShadows = "crushedShadows";

    /// <summary>Metrics scored relative to the shot's other candidates; the keys <c>Scoring:Weights</c> accepts.</summary>
    public static IReadOnlyList<string> Preferences { get; } =
    [
        DecodedRatio, BlackFraction, FreezeFraction, CutCount, Flicker, Motion, Blur, Detail,
        FacePresence, FaceStability, PromptAdherence,
    ];

    /// <summary>Metrics read against absolute thresholds (<see cref="DefectRules"/>).</summary>
    public static IReadOnlyList<string> Defects { get; } =
    [
        Quantiser, EffectiveFps, TemporalNoise, ActiveArea, LumaRange, ClippedHighlights, CrushedShadows,
    ];

    /// <summary>Every metric, in the order of a breakdown.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Preferences, .. Defects];
}
