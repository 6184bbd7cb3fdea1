using System.Text.Json;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Domain.Tests.Scoring;

public sealed class ShotRankerTests
{
    private static CandidateMeasurement Candidate(string id, params (string Metric, double? Value)[] readings) =>
        new(id, [], [.. readings.Select(r => r.Value is { } v ? MetricReading.Measured(r.Metric, v) : MetricReading.NotMeasured(r.Metric, "not here"))]);

    [Fact]
    public void Candidates_are_compared_with_each_other_and_the_better_one_wins()
    {
        var ranking = ShotRanker.Rank(
            [Candidate("a", (MetricNames.BlackFraction, 0.3)), Candidate("b", (MetricNames.BlackFraction, 0.0))],
            RankingPolicy.Default);

        Assert.Equal(["b", "a"], ranking.Ranking.Select(c => c.CandidateId));
        Assert.Equal([1, 2], ranking.Ranking.Select(c => c.Rank));
        Assert.InRange(ranking.Ranking[0].Score, 0.5, 1);
        Assert.InRange(ranking.Ranking[1].Score, 0, 0.5);
    }

    [Fact]
    public void Differences_below_what_a_metric_can_tell_apart_do_not_decide()
    {
        // 0.001 of a clip black is noise next to the 0.02 floor: both stay near the shot's mean.
        var ranking = ShotRanker.Rank(
            [Candidate("a", (MetricNames.BlackFraction, 0.001)), Candidate("b", (MetricNames.BlackFraction, 0.0))],
            RankingPolicy.Default);

        Assert.InRange(ranking.Ranking[0].Score - ranking.Ranking[1].Score, 0, 0.05);
    }

    [Fact]
    public void Equal_candidates_tie_break_on_the_id_so_the_pick_is_deterministic()
    {
        var c = Candidate("c", (MetricNames.Blur, 3));
        var a = Candidate("a", (MetricNames.Blur, 3));
        var b = Candidate("b", (MetricNames.Blur, 3));

        var once = ShotRanker.Rank([c, a, b], RankingPolicy.Default);
        var again = ShotRanker.Rank([b, c, a], RankingPolicy.Default);

        Assert.Equal(["a", "b", "c"], once.Ranking.Select(x => x.CandidateId));
        Assert.Equal(once.Ranking.Select(x => x.CandidateId), again.Ranking.Select(x => x.CandidateId));
    }

    [Fact]
    public void A_metric_not_measured_hands_its_weight_to_the_others()
    {
        var ranking = ShotRanker.Rank(
            [
                Candidate("a", (MetricNames.Blur, 2), (MetricNames.BlackFraction, 0), (MetricNames.PromptAdherence, null)),
                Candidate("b", (MetricNames.Blur, 4), (MetricNames.BlackFraction, 0), (MetricNames.PromptAdherence, null)),
            ],
            RankingPolicy.Default);

        var a = ranking.Ranking.Single(c => c.CandidateId == "a");
        var prompt = a.Metrics.Single(m => m.Name == MetricNames.PromptAdherence);
        Assert.Equal(MetricStatus.NotMeasured, prompt.Status);
        Assert.Equal(0, prompt.Weight);
        Assert.Null(prompt.Score);
        Assert.Equal("not here", prompt.Note);

        // Blur 1.5 and black 2 of the default weights share all of it.
        Assert.Equal(1.5 / 3.5, a.Metrics.Single(m => m.Name == MetricNames.Blur).Weight, 5);
        Assert.Equal(2 / 3.5, a.Metrics.Single(m => m.Name == MetricNames.BlackFraction).Weight, 5);
    }

    [Fact]
    public void Disqualified_candidates_score_zero_rank_last_and_keep_their_reasons()
    {
        var broken = new CandidateMeasurement("a", ["duration 2 s instead of 8 s ± 1 s"], []);
        var fine = Candidate("z", (MetricNames.Blur, 9));

        var ranking = ShotRanker.Rank([broken, fine], RankingPolicy.Default);

        Assert.Equal("z", ranking.Winner?.CandidateId);
        var last = ranking.Ranking[1];
        Assert.True(last.Disqualified);
        Assert.Equal(0, last.Score);
        Assert.Equal(["duration 2 s instead of 8 s ± 1 s"], last.Reasons);
    }

    [Fact]
    public void A_shot_where_everything_is_disqualified_has_no_winner()
    {
        var ranking = ShotRanker.Rank([CandidateMeasurement.Failed("a", "cannot be read as video: x")], RankingPolicy.Default);

        Assert.Null(ranking.Winner);
    }

    [Theory]
    [InlineData(0.0, -1.0)]
    [InlineData(0.25, -0.5)]
    [InlineData(4.0, 0.0)]
    [InlineData(32.0, -1.0)]
    public void Motion_is_rewarded_inside_its_band_and_penalised_on_both_sides(double motion, double goodness)
    {
        Assert.Equal(goodness, new MotionBand(0.5, 16).Goodness(motion), 6);
    }

    [Fact]
    public void Frozen_and_chaotic_clips_both_lose_to_one_inside_the_motion_band()
    {
        var ranking = ShotRanker.Rank(
            [Candidate("frozen", (MetricNames.Motion, 0)), Candidate("chaotic", (MetricNames.Motion, 40)), Candidate("fine", (MetricNames.Motion, 5))],
            RankingPolicy.Default);

        Assert.Equal("fine", ranking.Winner?.CandidateId);
    }

    [Fact]
    public void The_ranking_serialises_for_the_manifest_in_camel_case_with_not_measured_spelled_out()
    {
        var ranking = ShotRanker.Rank([Candidate("a", (MetricNames.Blur, 2), (MetricNames.PromptAdherence, null))], RankingPolicy.Default);

        var json = JsonSerializer.Serialize(ranking, ScoringJsonContext.Default.ShotRanking);
        var back = JsonSerializer.Deserialize(json, ScoringJsonContext.Default.ShotRanking)!;

        Assert.Contains("\"candidateId\":\"a\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"notMeasured\"", json, StringComparison.Ordinal);
        Assert.Equal(ranking.Ranking[0].Score, back.Ranking[0].Score);
        Assert.Equal(ranking.Ranking[0].Metrics, back.Ranking[0].Metrics);
    }

    [Fact]
    public void A_candidate_id_twice_in_one_shot_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ShotRanker.Rank([Candidate("a"), Candidate("a")], RankingPolicy.Default));
    }
}
