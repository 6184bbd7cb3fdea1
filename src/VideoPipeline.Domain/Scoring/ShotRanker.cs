namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// Turns a shot's measurements into one ranking, with two kinds of metric (<see cref="MetricKind"/>).
/// Preferences (motion, detail, prompt adherence...) have no good absolute value, so each is scored
/// against the shot's other qualified candidates: a z-score of the metric's "goodness", squashed to
/// [0, 1] with a logistic (0.5 is the shot's mean). The spread used for the z-score has a floor per
/// metric, so differences below what the metric can tell apart count for nothing. The preference
/// score is the weighted mean over the preferences a candidate has: one that was not measured hands
/// its weight to the others instead of pretending a value. Defects (blocky compression, stutter,
/// noise, bars, exposure) are a defect whatever the siblings look like: each costs its absolute
/// penalty (<see cref="DefectRules"/>), the final score being preference × Π(1 − penalty), and the
/// severe ones disqualify. Disqualified candidates score 0 and rank last. Ties break on the candidate
/// id (ordinal), so the pick is deterministic.
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

        candidates = [.. candidates.Select(WithDefectDisqualifications)];
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
            .SelectMany(c => c.Readings.Where(r => r.Value is not null && !DefectRules.IsDefect(r.Name)).Select(r => (c.CandidateId, Reading: r)))
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
            .Where(r => r.Value is not null && !DefectRules.IsDefect(r.Name) && policy.WeightOf(r.Name) > 0)
            .ToDictionary(r => r.Name, r => policy.WeightOf(r.Name), StringComparer.Ordinal);
        var total = weighted.Values.Sum();

        var metrics = new List<MetricScore>();
        var defects = new List<string>();
        // Nothing weighed (only defects measured): on a par with the shot.
        var preference = total > 0 ? 0.0 : 0.5;
        var kept = 1.0;
        foreach (var reading in candidate.Readings)
        {
            var rule = DefectRules.For(reading.Name);
            var kind = rule is null ? MetricKind.Preference : MetricKind.Defect;
            if (reading.Value is not { } value)
            {
                metrics.Add(new MetricScore(reading.Name, MetricStatus.NotMeasured, null, null, 0, reading.Note, kind));
                continue;
            }

            if (rule is not null)
            {
                var penalty = rule.Penalty(value);
                kept *= 1 - penalty;
                var note = reading.Note;
                if (penalty > 0)
                {
                    note = rule.Describe(value, reading.Note);
                    defects.Add(note);
                }

                metrics.Add(new MetricScore(reading.Name, MetricStatus.Measured, value, Round(1 - penalty), 0, note, kind, Round(penalty)));
                continue;
            }

            var relativeScore = relative[(candidate.CandidateId, reading.Name)];
            var share = weighted.TryGetValue(reading.Name, out var w) && total > 0 ? w / total : 0;
            preference += share * relativeScore;
            metrics.Add(new MetricScore(reading.Name, MetricStatus.Measured, value, Round(relativeScore), Round(share), reading.Note));
        }

        return new CandidateScore(candidate.CandidateId, Round(Math.Clamp(preference * kept, 0, 1)), 0, false, [], metrics, defects);
    }

    /// <summary>A defect past its rule's disqualifying reading ends the candidate like a failed hard check, with the reason in viewer terms.</summary>
    private static CandidateMeasurement WithDefectDisqualifications(CandidateMeasurement candidate)
    {
        var severe = candidate.Readings
            .Select(r => (Reading: r, Rule: DefectRules.For(r.Name)))
            .Where(x => x.Rule is not null && x.Reading.Value is { } v && x.Rule.Disqualifies(v))
            .Select(x => DefectRule.Invariant($"{x.Rule!.Describe(x.Reading.Value!.Value, x.Reading.Note)} (disqualifies at {x.Rule.DisqualifyAt})"))
            .ToList();
        return severe.Count == 0 ? candidate : candidate with { Disqualifications = [.. candidate.Disqualifications, .. severe] };
    }

    private static CandidateScore Disqualified(CandidateMeasurement candidate) =>
        new(
            candidate.CandidateId,
            0,
            0,
            true,
            candidate.Disqualifications,
            [.. candidate.Readings.Select(r => new MetricScore(r.Name, r.Status, r.Value, null, 0, r.Note, DefectRules.IsDefect(r.Name) ? MetricKind.Defect : MetricKind.Preference))],
            []);

    // Rounded so the manifest is readable and a score does not wobble in the last bits between runs.
    private static double Round(double value) => Math.Round(value, 6);
}
