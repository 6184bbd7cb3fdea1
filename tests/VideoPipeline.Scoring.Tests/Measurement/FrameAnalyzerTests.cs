using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Analysis;

namespace VideoPipeline.Scoring.Tests.Measurement;

public sealed class FrameAnalyzerTests
{
    private static List<FrameMetadata> Frames(int count, Func<int, string[]> entries) =>
        FrameMetadata.Parse(Enumerable.Range(0, count).SelectMany(i => new[] { $"frame:{i}    pts:{i * 512}    pts_time:{i * 0.25}" }.Concat(entries(i))));

    private static double? Value(List<MetricReading> readings, string metric) => readings.Single(r => r.Name == metric).Value;

    [Fact]
    public void Black_and_freeze_events_become_fractions_of_the_clip_and_an_open_one_runs_to_the_end()
    {
        // 8 frames of 0.25 s = 2 s. Black from 0.5 to 1.0; frozen from 1.5 to the end (no freeze_end).
        var frames = Frames(8, i => i switch
        {
            2 => ["lavfi.black_start=0.5"],
            4 => ["lavfi.black_end=1"],
            7 => ["lavfi.freezedetect.freeze_start=1.5"],
            _ => [],
        });

        var readings = FrameAnalyzer.Readings(frames, [], [], []);

        Assert.Equal(0.25, Value(readings, MetricNames.BlackFraction)!.Value, 6);
        Assert.Equal(0.25, Value(readings, MetricNames.FreezeFraction)!.Value, 6);
    }

    private static byte[] Thumb(params (int Count, byte Value)[] runs) => [.. runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count))];

    [Fact]
    public void Flicker_follows_vbench_on_the_frame_mean_luma()
    {
        // Frame means 100, 110, 100: consecutive differences of 10 luma levels.
        var thumbnails = new List<byte[]> { Thumb((4096, 100)), Thumb((4096, 110)), Thumb((4096, 100)) };

        var readings = FrameAnalyzer.Readings(Frames(3, _ => []), [], thumbnails, []);

        Assert.Equal(1 - (10.0 / 255), Value(readings, MetricNames.Flicker)!.Value, 6);
    }

    [Fact]
    public void Motion_is_the_mean_thumbnail_difference_and_is_not_flicker()
    {
        // Half the thumbnail moves (swaps 0 and 200) while the frame mean stays at 100.
        var a = Thumb((2048, 0), (2048, 200));
        var b = Thumb((2048, 200), (2048, 0));

        var readings = FrameAnalyzer.Readings(Frames(3, _ => []), [], [a, b, a], []);

        Assert.Equal(200, Value(readings, MetricNames.Motion));
        Assert.Equal(1, Value(readings, MetricNames.Flicker));
    }

    [Fact]
    public void Raw_thumbnails_are_split_per_frame()
    {
        Assert.Equal(2, FrameAnalyzer.Thumbnails(new byte[(64 * 64 * 2) + 5], 64).Count);
    }

    [Fact]
    public void Cuts_are_the_frames_scdet_marks()
    {
        var frames = Frames(3, i => i == 2 ? ["lavfi.scd.time=0.5"] : []);

        Assert.Equal(1, Value(FrameAnalyzer.Readings(frames, [], [], []), MetricNames.CutCount));
    }

    [Fact]
    public void A_metric_with_no_frames_reporting_it_is_not_measured()
    {
        var readings = FrameAnalyzer.Readings(Frames(1, _ => []), [], [Thumb((4096, 128))], []);

        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Motion).Status);
        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Blur).Status);
        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Detail).Status);
    }

    [Fact]
    public void The_filter_graph_decodes_once_and_branches_every_tap_off_the_downscale()
    {
        var args = FrameAnalyzer.Arguments("/in.mp4", new AnalysisSize(640, 360), fullRange: false, [new FrameTap("faces", "fps=2,scale=128:128,format=rgb24", 128, 128)]);
        var graph = args[args.IndexOf("-filter_complex") + 1];

        Assert.Contains("-xerror", args);
        Assert.Single(args, a => a == "-i");
        Assert.StartsWith("[0:v]split=2[full][facesin];[full]extractplanes=y,scale=640:360:", graph, StringComparison.Ordinal);
        Assert.Contains("format=gray,lut=c0='clip((val-16)*255/219,0,255)'", graph, StringComparison.Ordinal);
        Assert.Contains("[facesin]fps=2,", graph, StringComparison.Ordinal);
        Assert.Contains("[p]scale=320:180:flags=area", graph, StringComparison.Ordinal);
        Assert.Contains("faces.rgb", args);
        Assert.Contains("venc_params", args);
    }

    [Fact]
    public void With_no_tap_the_downscale_feeds_the_metrics_branch_directly()
    {
        var args = FrameAnalyzer.Arguments("/in.mp4", new AnalysisSize(640, 360), fullRange: true, []);
        var graph = args[args.IndexOf("-filter_complex") + 1];

        // Full range already: no look-up table.
        Assert.Matches(@"^\[0:v\]extractplanes=y,scale=640:360:flags=fast_bilinear,format=gray,showinfo", graph);
        Assert.DoesNotContain("split=1", graph, StringComparison.Ordinal);
        Assert.DoesNotContain(".rgb", args);
    }

    [Theory]
    [InlineData(1920, 1080, 360, 640, 360)]
    [InlineData(1080, 1920, 360, 360, 640)]
    [InlineData(480, 270, 360, 480, 270)]
    [InlineData(1280, 720, 180, 320, 180)]
    public void The_analysis_size_keeps_the_aspect_and_never_upscales(int width, int height, int shortSide, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new AnalysisSize(expectedWidth, expectedHeight), AnalysisSize.For(width, height, shortSide));
    }

    [Fact]
    public void The_quantiser_is_the_mean_of_the_h264_frames_the_decoder_reports()
    {
        string[] log =
        [
            "[Parsed_showinfo_2 @ 0x55] n:   0 pts:      0 pts_time:0",
            "[Parsed_showinfo_2 @ 0x55]   side data - video encoding parameters: type 1; qp=40; 510 blocks; ",
            "[Parsed_showinfo_2 @ 0x55]   side data - video encoding parameters: type 1; qp=44; 510 blocks; ",
            "[Parsed_showinfo_2 @ 0x55]   side data - video encoding parameters: type 0; qp=200; 510 blocks; ",
        ];

        var reading = QuantiserLog.Reading(log, "h264");

        Assert.Equal(42, reading.Value);
        Assert.Equal(MetricStatus.NotMeasured, QuantiserLog.Reading(log[3..], "vp9").Status);
    }
}
