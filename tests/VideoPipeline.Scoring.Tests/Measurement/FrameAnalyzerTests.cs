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

    [Fact]
    public void Flicker_follows_vbench_on_the_frame_mean_luma()
    {
        // Frame means 100, 110, 100: consecutive differences of 10 luma levels.
        var readings = FrameAnalyzer.Readings(Frames(3, _ => []), [], [100, 110, 100], []);

        Assert.Equal(1 - (10.0 / 255), Value(readings, MetricNames.Flicker)!.Value, 6);
    }

    [Fact]
    public void Frame_mean_luma_comes_from_the_8x8_thumbnails()
    {
        var thumbnails = Enumerable.Repeat((byte)10, 64).Concat(Enumerable.Repeat((byte)200, 32)).Concat(Enumerable.Repeat((byte)0, 32)).ToArray();

        Assert.Equal([10.0, 100.0], FrameAnalyzer.FrameMeans(thumbnails));
    }

    [Fact]
    public void Cuts_are_the_frames_scdet_marks_and_motion_skips_the_first_frame()
    {
        var frames = Frames(3, i => [$"lavfi.vmafmotion.score={(i == 0 ? 0 : 4)}", .. i == 2 ? new[] { "lavfi.scd.time=0.5" } : []]);

        var readings = FrameAnalyzer.Readings(frames, [], [], []);

        Assert.Equal(1, Value(readings, MetricNames.CutCount));
        Assert.Equal(4, Value(readings, MetricNames.Motion));
    }

    [Fact]
    public void A_metric_with_no_frames_reporting_it_is_not_measured()
    {
        var readings = FrameAnalyzer.Readings(Frames(1, _ => []), [], [128], []);

        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Motion).Status);
        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Blur).Status);
        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Detail).Status);
    }

    [Fact]
    public void The_filter_graph_decodes_once_and_branches_every_tap_off_the_downscale()
    {
        var args = FrameAnalyzer.Arguments("/in.mp4", 360, [new FrameTap("faces", "fps=2,scale=128:128,format=rgb24", 128, 128)]);
        var graph = args[args.IndexOf("-filter_complex") + 1];

        Assert.Contains("-xerror", args);
        Assert.Single(args, a => a == "-i");
        Assert.StartsWith("[0:v]scale=", graph, StringComparison.Ordinal);
        Assert.Contains("split=2[base][facesin]", graph, StringComparison.Ordinal);
        Assert.Contains("faces.rgb", args);
    }
}
