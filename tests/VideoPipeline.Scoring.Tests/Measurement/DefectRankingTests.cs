using VideoPipeline.Domain.Scoring;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Measurement;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DefectRankingTests(DefectClipsFixture clips) : IClassFixture<DefectClipsFixture>
{
    [Fact]
    public void The_clean_clip_wins_the_shot()
    {
        Assert.Equal("clean", clips.Ranking.Winner?.CandidateId);
        Assert.Equal(1, clips.Candidate("clean").Rank);
    }

    [Theory]
    [InlineData("black", MetricNames.BlackFraction)]
    [InlineData("frozen", MetricNames.FreezeFraction)]
    [InlineData("frozen", MetricNames.Motion)]
    [InlineData("flicker", MetricNames.Flicker)]
    [InlineData("blurred", MetricNames.Blur)]
    [InlineData("blurred", MetricNames.Detail)]
    [InlineData("cut", MetricNames.CutCount)]
    public void Each_defect_ranks_below_the_clean_clip_on_the_metric_that_catches_it(string defect, string metric)
    {
        var clean = Metric(clips.Candidate("clean"), metric);
        var bad = Metric(clips.Candidate(defect), metric);

        Assert.True(bad.Score < clean.Score, $"{defect}: {metric} scored {bad.Score} (value {bad.Value}) against the clean clip's {clean.Score} (value {clean.Value})");
        Assert.InRange(clips.Candidate(defect).Score, 0, clips.Candidate("clean").Score - 1e-9);
    }

    [Theory]
    // The decoder's own last words follow the truncated clip's reason; they vary with the ffmpeg build.
    [InlineData("truncated", "does not decode completely: ", 8)]
    [InlineData("square", "aspect ratio 1 (360×360) instead of 1.778 (640×360)", 7)]
    public void A_broken_or_wrong_shaped_file_is_disqualified_with_the_reason_and_ranks_last(string name, string reason, int rank)
    {
        var candidate = clips.Candidate(name);

        Assert.True(candidate.Disqualified);
        Assert.Equal(0, candidate.Score);
        Assert.StartsWith(reason, Assert.Single(candidate.Reasons), StringComparison.Ordinal);
        // Eight candidates; the two disqualified ones come last, in the order of their ids.
        Assert.Equal(rank, candidate.Rank);
    }

    [Fact]
    public void Prompt_adherence_without_a_model_is_not_measured_and_carries_no_weight()
    {
        var clean = clips.Candidate("clean");
        var prompt = Metric(clean, MetricNames.PromptAdherence);

        Assert.Equal(MetricStatus.NotMeasured, prompt.Status);
        Assert.Null(prompt.Value);
        Assert.Equal(0, prompt.Weight);
        Assert.Equal(1, clean.Metrics.Sum(m => m.Weight), 3);
    }

    [Fact]
    public void The_clean_clip_measures_as_clean()
    {
        var clean = clips.Candidate("clean");

        Assert.Equal(1, Metric(clean, MetricNames.DecodedRatio).Value);
        Assert.Equal(0, Metric(clean, MetricNames.BlackFraction).Value);
        Assert.Equal(0, Metric(clean, MetricNames.FreezeFraction).Value);
        Assert.Equal(0, Metric(clean, MetricNames.CutCount).Value);
        Assert.InRange(Metric(clips.Candidate("black"), MetricNames.BlackFraction).Value!.Value, 0.25, 0.45);
        Assert.InRange(Metric(clips.Candidate("frozen"), MetricNames.FreezeFraction).Value!.Value, 0.7, 0.9);
    }

    private static MetricScore Metric(CandidateScore candidate, string name) => candidate.Metrics.Single(m => m.Name == name);
}
