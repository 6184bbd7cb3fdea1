using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Domain.Tests.Scoring;

public sealed class DefectRulesTests
{
    private static CandidateMeasurement Candidate(string id, params (string Metric, double Value)[] readings) =>
        new(id, [], [.. readings.Select(r => MetricReading.Measured(r.Metric, r.Value))]);

    [Theory]
    [InlineData(MetricNames.Quantiser, 20, 0)]
    [InlineData(MetricNames.Quantiser, 32, 0)]
    [InlineData(MetricNames.Quantiser, 37, 0.45)]
    [InlineData(MetricNames.Quantiser, 42, 0.9)]
    [InlineData(MetricNames.Quantiser, 51, 0.97)]
    [InlineData(MetricNames.EffectiveFps, 24, 0)]
    [InlineData(MetricNames.EffectiveFps, 15, 0.45)]
    [InlineData(MetricNames.EffectiveFps, 10, 0.9)]
    [InlineData(MetricNames.EffectiveFps, 6, 0.97)]
    [InlineData(MetricNames.ActiveArea, 1, 0)]
    [InlineData(MetricNames.ActiveArea, 0.8, 0.9)]
    public void The_penalty_is_zero_up_to_the_onset_and_rises_through_the_clear_and_severe_thresholds(string metric, double value, double penalty)
    {
        Assert.Equal(penalty, DefectRules.For(metric)!.Penalty(value), 6);
    }

    [Fact]
    public void A_clean_candidate_that_loses_every_preference_still_beats_a_clearly_defective_one()
    {
        var ranking = ShotRanker.Rank(
            [
                Candidate("blocky", (MetricNames.Blur, 1), (MetricNames.Detail, 0.3), (MetricNames.Motion, 5), (MetricNames.Quantiser, 44)),
                Candidate("clean", (MetricNames.Blur, 6), (MetricNames.Detail, 0.1), (MetricNames.Motion, 5), (MetricNames.Quantiser, 22)),
            ],
            RankingPolicy.Default);

        Assert.Equal("clean", ranking.Winner?.CandidateId);
        var blocky = ranking.Ranking[1];
        Assert.Equal(["blocky compression: quantiser 44"], blocky.Defects);
        var quantiser = blocky.Metrics.Single(m => m.Name == MetricNames.Quantiser);
        Assert.Equal(MetricKind.Defect, quantiser.Kind);
        Assert.Equal(0, quantiser.Weight);
        Assert.InRange(quantiser.Penalty!.Value, 0.9, 1);
    }

    [Fact]
    public void A_defect_is_a_defect_whatever_the_siblings_look_like()
    {
        // Both stutter equally: being no worse than the sibling does not make it free.
        var ranking = ShotRanker.Rank([Candidate("a", (MetricNames.EffectiveFps, 8)), Candidate("b", (MetricNames.EffectiveFps, 8))], RankingPolicy.Default);

        Assert.All(ranking.Ranking, c => Assert.InRange(c.Score, 0, 0.1));
        Assert.All(ranking.Ranking, c => Assert.Equal(["stutters: 8 effective fps"], c.Defects));
    }

    [Fact]
    public void A_severe_defect_disqualifies_with_the_reason_in_viewer_terms()
    {
        var ranking = ShotRanker.Rank(
            [new CandidateMeasurement("boxed", [], [MetricReading.Measured(MetricNames.ActiveArea, 0.4, "windowboxed")]), Candidate("fine", (MetricNames.ActiveArea, 1))],
            RankingPolicy.Default);

        var boxed = ranking.Ranking[1];
        Assert.True(boxed.Disqualified);
        Assert.Equal(["windowboxed: 40% active picture (disqualifies at 0.5)"], boxed.Reasons);
        Assert.Equal("fine", ranking.Winner?.CandidateId);
    }

    [Fact]
    public void Every_defect_metric_has_a_rule_and_none_takes_a_weight()
    {
        Assert.Equal(MetricNames.Defects.Order(StringComparer.Ordinal), DefectRules.All.Select(r => r.Metric).Order(StringComparer.Ordinal));
        Assert.All(MetricNames.Defects, m => Assert.Equal(0, RankingPolicy.Default.WeightOf(m)));
    }
}
