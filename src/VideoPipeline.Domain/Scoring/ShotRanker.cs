namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// Turns a shot's measurements into one ranking. Good absolute thresholds depend on content, so each
/// metric is scored against the shot's other qualified candidates: a z-score of the metric's
/// "goodness", squashed to [0, 1] with a logistic (0.5 is the shot's mean). The spread used for the
/// z-score has a floor per metric, so differences below what the metric can tell apart count for
/// nothing. The final score is the weighted mean over the metrics a candidate has: a metric that was
/// not measured hands its weight to the others instead of pretending a value. Disqualified candidates
/// score 0 and rank last. Ties break on the candidate id (ordinal), so the pick is deterministic.
/// </summary>
public static class ShotRanker
{
    private static readonly Dictionary<string, double> MinimumSpread = new(StringComparer.Ordinal)
    {
        [MetricNames.DecodedRatio] = 0.01,
        [MetricNames.BlackFraction] = 0.02,
        [MetricNames.FreezeFraction] = 0.02,
        [MetricNames.CutCount] = 0.5,
        [MetricNames.Flicker] = 0.004,
        [MetricNames.Motion] = 0.05,
        [MetricNames.Blur] = 0.1,
        [MetricNames.Detail] = 0.002,
        [MetricNames.FacePresence] = 0.05,
        [MetricNames.FaceStability] = 0.05,
        [MetricNames.PromptAdherence] = 0.02,
    };

    public static ShotRanking Rank(IReadOnlyList<CandidateMeasurement> candidates, RankingPolicy policy)
    {
        var duplicate = candidates.GroupBy(c => c.CandidateId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"candidate id '{duplicate.Key}' appears more than once in the shot", nameof(candidates));
        }

        var qualified = candidates.Where(c => !c.Disqualified).ToList();
        var relative = RelativeScores(qualified, policy);

        var scored = candidates.Select(c => c.Disqualified ? Disqualified(c) : Combine(c, relative, policy)).ToList();
        var ordered = scored
            .OrderBy(s => s.Disqualified)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.CandidateId, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
        return new ShotRanking(ordered);
    }

    /// <summary>Higher is better for every metric after this mapping.</summary>
    public static double Goodness(string metric, double value, MotionBand band) => metric switch
    {
        MetricNames.BlackFraction or MetricNames.FreezeFraction or MetricNames.CutCount or MetricNames.Blur => -value,
        MetricNames.Motion => band.Goodness(value),
        _ => value,
    };

    private static Dictionary<(string Candidate, string Metric), double> RelativeScores(List<CandidateMeasurement> qualified, RankingPolicy policy)
    {
        var result = new Dictionary<(string, string), double>();
        var byMetric = qualified
            .SelectMany(c => c.Readings.Where(r => r.Value is not null).Select(r => (c.CandidateId, Reading: r)))
            .GroupBy(x => x.Reading.Name, StringComparer.Ordinal);
        foreach (var group in byMetric)
        {
            var goodness = group.Select(x => (x.CandidateId, G: Goodness(group.Key, x.Reading.Value!.Value, policy.Motion))).ToList();
            var mean = goodness.Average(x => x.G);
            var spread = Math.Sqrt(goodness.Average(x => (x.G - mean) * (x.G - mean)));
            spread = Math.Max(spread, MinimumSpread.GetValueOrDefault(group.Key, 1e-6));
            foreach (var (candidate, g) in goodness)
            {
                result[(candidate, group.Key)] = 1 / (1 + Math.Exp(-(g - mean) / spread));
            }
        }

        return result;
    }

    private static CandidateScore Combine(CandidateMeasurement candidate, Dictionary<(string, string), double> relative, RankingPolicy policy)
    {
        var weighted = candidate.Readings
            .Where(r => r.Value is not null && policy.WeightOf(r.Name) > 0)
            .ToDictionary(r => r.Name, r => policy.WeightOf(r.Name), StringComparer.Ordinal);
        var total = weighted.Values.Sum();

        var metrics = new List<MetricScore>();
        var score = 0.0;
        foreach (var reading in candidate.Readings)
        {
            if (reading.Value is null)
            {
                metrics.Add(new MetricScore(reading.Name, MetricStatus.NotMeasured, null, null, 0, reading.Note));
                continue;
            }

            var relativeScore = relative[(candidate.CandidateId, reading.Name)];
            var share = weighted.TryGetValue(reading.Name, out var w) && total > 0 ? w / total : 0;
            score += share * relativeScore;
            metrics.Add(new MetricScore(reading.Name, MetricStatus.Measured, reading.Value, Round(relativeScore), Round(share), reading.Note));
        }

        return new CandidateScore(candidate.CandidateId, Round(Math.Clamp(score, 0, 1)), 0, false, [], metrics);
    }

    private static CandidateScore Disqualified(CandidateMeasurement candidate) =>
        new(
            candidate.CandidateId,
            0,
            0,
            true,
            candidate.Disqualifications,
            [.. candidate.Readings.Select(r => new MetricScore(r.Name, r.Status, r.Value, null, 0, r.Note))]);

    // Rounded so the manifest is readable and a score does not wobble in the last bits between runs.
    private static double Round(double value) => Math.Round(value, 6);
}
