using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Probing;

namespace VideoPipeline.Scoring.Tests.Measurement;

public sealed class HardCheckTests
{
    private const string Probe1080 = """
        { "streams": [ { "codec_name": "h264", "width": 1920, "height": 1080, "sample_aspect_ratio": "1:1",
                         "avg_frame_rate": "24/1", "r_frame_rate": "24/1", "duration": "8.000000", "nb_frames": "192" } ],
          "format": { "duration": "8.021000" } }
        """;

    private static VideoProbe Parse(string json) => Ffprobe.Parse(json).Probe!;

    [Fact]
    public void Ffprobe_json_is_read_into_the_probe()
    {
        var probe = Parse(Probe1080);

        Assert.Equal(new VideoProbe("h264", 1920, 1080, 1, 8, 24, 192), probe);
    }

    [Fact]
    public void A_file_without_a_video_stream_is_a_problem_not_a_crash()
    {
        Assert.Equal("has no video stream", Ffprobe.Parse("""{ "streams": [], "format": {} }""").Problem);
    }

    [Fact]
    public void Missing_stream_duration_and_frame_count_fall_back_to_the_container()
    {
        var probe = Parse("""{ "streams": [ { "codec_name": "vp9", "width": 720, "height": 1280, "avg_frame_rate": "30000/1001" } ], "format": { "duration": "5.5" } }""");

        Assert.Equal(5.5, probe.DurationSeconds);
        Assert.Null(probe.DeclaredFrames);
        Assert.Equal(29.97, probe.FramesPerSecond, 2);
    }

    [Theory]
    [InlineData(1920, 1080, 8.0, "")]
    [InlineData(1920, 1088, 8.0, "")]
    [InlineData(1280, 720, 8.0, "resolution 1920×1080 instead of 1280×720")]
    [InlineData(1080, 1920, 8.0, "aspect ratio 1.778 (1920×1080) instead of 0.563 (1080×1920)")]
    [InlineData(1920, 1080, 5.0, "duration 8 s instead of 5 s ± 1 s")]
    public void The_request_is_checked_for_size_aspect_and_duration(int width, int height, double seconds, string problem)
    {
        var problems = HardChecks.Check(Parse(Probe1080), new ScoringRequest(width, height, seconds), new ScoringOptions());

        Assert.Equal(problem.Length == 0 ? [] : [problem], problems);
    }

    [Fact]
    public void A_codec_outside_the_allowed_list_disqualifies()
    {
        var probe = Parse(Probe1080) with { Codec = "mpeg4" };

        Assert.Equal(["codec mpeg4 is not one of h264, hevc, vp9, av1"], HardChecks.Check(probe, new ScoringRequest(), new ScoringOptions()));
    }
}
