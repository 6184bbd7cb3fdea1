using VideoPipeline.Domain.Scoring;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Measurement;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class CandidateScorerTests
{
    [Fact]
    public async Task A_candidate_that_takes_too_long_is_reported_not_scored_instead_of_hanging()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("long.mp4"), TestClips.Source(1920, 1080, seconds: 8));
        using var scorer = Scorers.Create(new ScoringOptions { CandidateTimeLimit = TimeSpan.FromMilliseconds(300) });

        var measurement = await scorer.MeasureAsync("slow", dir.File("long.mp4"), new ScoringRequest(), CancellationToken.None);

        Assert.True(measurement.Disqualified);
        Assert.Contains("not scored", measurement.Disqualifications[0], StringComparison.Ordinal);
        Assert.Contains("Scoring:CandidateTimeLimit", measurement.Disqualifications[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_is_measured_like_the_file_it_came_from()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("clip.mp4"), TestClips.Source(seconds: 1));
        using var scorer = Scorers.Create();

        var fromFile = await scorer.MeasureAsync("a", dir.File("clip.mp4"), new ScoringRequest(), CancellationToken.None);
        await using var stream = File.OpenRead(dir.File("clip.mp4"));
        var fromStream = await scorer.MeasureAsync("a", stream, new ScoringRequest(), CancellationToken.None);

        Assert.False(fromStream.Disqualified);
        Assert.Equal(fromFile.Readings, fromStream.Readings);
    }

    /// <summary>A fresh clone before <c>npm ci</c>: no face model anywhere. The missing model may only leave its metrics unmeasured.</summary>
    [Theory]
    [InlineData("no-such-model.onnx")]
    [InlineData("empty-folder")]
    public async Task Without_a_face_model_a_good_clip_is_scored_and_only_the_face_metrics_are_not_measured(string modelPath)
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("empty-folder"));
        await TestClips.RenderAsync(dir.File("clip.mp4"), TestClips.Source(seconds: 1));
        using var scorer = Scorers.Create(new ScoringOptions { FaceModelPath = dir.File(modelPath) });

        var measurement = await scorer.MeasureAsync("a", dir.File("clip.mp4"), new ScoringRequest(), CancellationToken.None);

        Assert.Empty(measurement.Disqualifications);
        var unmeasured = measurement.Readings.Where(r => r.Status == MetricStatus.NotMeasured).ToList();
        Assert.Equal([MetricNames.FacePresence, MetricNames.FaceStability, MetricNames.PromptAdherence], unmeasured.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(unmeasured.Where(r => r.Name != MetricNames.PromptAdherence), r => Assert.StartsWith("no face model", r.Note, StringComparison.Ordinal));
        Assert.Equal(MetricStatus.Measured, measurement.Readings.Single(r => r.Name == MetricNames.Blur).Status);
    }

    [Fact]
    public async Task A_file_that_is_not_video_is_disqualified_with_the_reason()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("notes.mp4"), "not a video");
        using var scorer = Scorers.Create();

        var measurement = await scorer.MeasureAsync("x", dir.File("notes.mp4"), new ScoringRequest(), CancellationToken.None);

        Assert.StartsWith("cannot be read as video", Assert.Single(measurement.Disqualifications), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_mistaken_for_a_slow_candidate()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("clip.mp4"), TestClips.Source(seconds: 1));
        using var scorer = Scorers.Create();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scorer.MeasureAsync("a", dir.File("clip.mp4"), new ScoringRequest(), cancel.Token));
    }
}
