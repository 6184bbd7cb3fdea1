namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// The defect metrics and their absolute thresholds, calibrated on clips with known severities
/// rendered from several different sources (tests/VideoPipeline.Scoring.Tests/Calibration; the
/// margins are in docs/scoring.md). A candidate's score is its preference score (relative to the
/// shot) times Π(1 − penalty) over its defects. <see cref="ClearPenalty"/> is set so that a clearly
/// defective candidate loses to a clean one even when it wins every preference: with five
/// candidates a preference score stays within about 0.12–0.88, and 0.88 × (1 − 0.9) is below 0.12.
/// </summary>
public static class DefectRules
{
    /// <summary>Penalty at a rule's <see cref="DefectRule.Clear"/> threshold.</summary>
    public const double ClearPenalty = 0.9;

    /// <summary>Penalty at and beyond a rule's <see cref="DefectRule.Severe"/> threshold; below 1 so severely defective candidates still order among themselves.</summary>
    public const double SeverePenalty = 0.97;

    public static IReadOnlyList<DefectRule> All { get; } =
    [
        new(MetricNames.Quantiser, HigherIsWorse: true, Onset: 32, Clear: 42, Severe: 48, DisqualifyAt: null,
            (v, _) => DefectRule.Invariant($"blocky compression: quantiser {v:0.#}")),
        new(MetricNames.EffectiveFps, HigherIsWorse: false, Onset: 20, Clear: 10, Severe: 6, DisqualifyAt: 4,
            (v, _) => DefectRule.Invariant($"stutters: {v:0.#} effective fps")),
        new(MetricNames.TemporalNoise, HigherIsWorse: true, Onset: 1.2, Clear: 1.8, Severe: 4.5, DisqualifyAt: null,
            (v, _) => DefectRule.Invariant($"noisy: temporal noise {v:0.0} levels")),
        new(MetricNames.ActiveArea, HigherIsWorse: false, Onset: 0.95, Clear: 0.8, Severe: 0.65, DisqualifyAt: 0.5,
            (v, note) => DefectRule.Invariant($"{note ?? "framed in bars"}: {v * 100:0}% active picture")),
        new(MetricNames.LumaRange, HigherIsWorse: false, Onset: 140, Clear: 105, Severe: 65, DisqualifyAt: null,
            (v, _) => DefectRule.Invariant($"washed out: luma range {v:0} of 255")),
        new(MetricNames.ClippedHighlights, HigherIsWorse: true, Onset: 0.08, Clear: 0.4, Severe: 0.6, DisqualifyAt: null,
            (v, _) => DefectRule.Invariant($"clipped highlights: {v * 100:0}% of the picture pure white")),
        new(MetricNames.CrushedShadows, HigherIsWorse: true, Onset: 0.25, Clear: 0.35, Severe: 0.5, DisqualifyAt: null,
            (v, _) => DefectRule.Invariant($"crushed shadows: {v * 100:0}% of the picture pure black")),
    ];

    private static readonly Dictionary<string, DefectRule> ByMetric = All.ToDictionary(r => r.Metric, StringComparer.Ordinal);

    public static bool IsDefect(string metric) => ByMetric.ContainsKey(metric);

    public static DefectRule? For(string metric) => ByMetric.GetValueOrDefault(metric);
}
