using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring.Faces;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Faces;

/// <summary>The real BlazeFace model from the npm package, on a real portrait and on a clip without people.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class FaceDetectionTests
{
    private static readonly string Portrait = Path.Combine(AppContext.BaseDirectory, "Fixtures", "astronaut.jpg");

    private static string Model() =>
        FaceModelLocator.Locate(null) ?? throw new InvalidOperationException($"the BlazeFace model is not installed ({FaceModelLocator.NpmRelativePath}): run `npm ci` or `bash scripts/test.sh`");

    private static async Task<byte[]> Rgb128Async(string image, string filter = "null")
    {
        using var dir = new TempDirectory();
        var raw = dir.File("frame.rgb");
        var result = await ProcessRunner.RunAsync(
            TestClips.Tools.Ffmpeg,
            ["-v", "error", "-i", image, "-vf", $"{filter},scale=128:128,format=rgb24", "-frames:v", "1", "-f", "rawvideo", raw],
            TimeSpan.FromSeconds(60));
        Assert.True(result.Succeeded, result.StandardError);
        return await File.ReadAllBytesAsync(raw);
    }

    [Fact]
    public async Task The_model_finds_the_face_in_a_portrait_where_it_is()
    {
        using var detector = new BlazeFaceDetector(Model());

        var face = Assert.Single(detector.Detect(await Rgb128Async(Portrait), 0.6));

        // Eileen Collins' face is left of centre in the upper half of the NASA portrait.
        Assert.InRange(face.CenterX, 0.35, 0.55);
        Assert.InRange(face.CenterY, 0.15, 0.35);
        Assert.InRange(face.Width, 0.1, 0.3);
    }

    [Fact]
    public async Task The_model_finds_no_face_in_a_test_pattern()
    {
        using var detector = new BlazeFaceDetector(Model());
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("pattern.mp4"), TestClips.Source(seconds: 1));

        Assert.Empty(detector.Detect(await Rgb128Async(dir.File("pattern.mp4")), 0.6));
    }

    [Fact]
    public async Task A_clip_with_a_face_is_measured_stable_and_one_without_is_not_measured()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderStillAsync(Portrait, dir.File("face.mp4"));
        await TestClips.RenderAsync(dir.File("noface.mp4"), TestClips.Source());
        using var scorer = Scorers.Create();

        var face = await scorer.MeasureAsync("face", dir.File("face.mp4"), new ScoringRequest(), CancellationToken.None);
        var none = await scorer.MeasureAsync("noface", dir.File("noface.mp4"), new ScoringRequest(), CancellationToken.None);

        Assert.Equal(1, Reading(face, MetricNames.FacePresence).Value);
        Assert.InRange(Reading(face, MetricNames.FaceStability).Value!.Value, 0.8, 1);
        Assert.Equal(0, Reading(none, MetricNames.FacePresence).Value);
        Assert.Equal(MetricStatus.NotMeasured, Reading(none, MetricNames.FaceStability).Status);
    }

    private static MetricReading Reading(CandidateMeasurement m, string metric) => m.Readings.Single(r => r.Name == metric);
}
