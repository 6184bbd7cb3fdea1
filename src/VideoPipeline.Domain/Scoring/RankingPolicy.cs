namespace VideoPipeline.Domain.Scoring;

/// <summary>How readings become scores: the weight of each metric and the motion band. Weights need not sum to 1.</summary>
public sealed record RankingPolicy(IReadOnlyDictionary<string, double> Weights, MotionBand Motion)
{
    public static IReadOnlyDictionary<string, double> DefaultWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.DecodedRatio] = 1,
        [MetricNames.BlackFraction] = 2,
        [MetricNames.FreezeFraction] = 2,
        [MetricNames.CutCount] = 1,
        [MetricNames.Flicker] = 1.5,
        [MetricNames.Motion] = 1.5,
        [MetricNames.Blur] = 1.5,
        [MetricNames.Detail] = 0.5,
        [MetricNames.FacePresence] = 0,
        [MetricNames.FaceStability] = 1,
        [MetricNames.PromptAdherence] = 3,
    };

    public static RankingPolicy Default { get; } = new(DefaultWeights, MotionBand.Default);

    public double WeightOf(string metric) => Weights.TryGetValue(metric, out var w) ? w : 0;
}
