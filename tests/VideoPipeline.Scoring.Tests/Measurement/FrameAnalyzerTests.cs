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

        var readings = FrameAnalyzer.Readings(frames, []);

        Assert.Equal(0.25, Value(readings, MetricNames.BlackFraction)!.Value, 6);
        Assert.Equal(0.25, Value(readings, MetricNames.FreezeFraction)!.Value, 6);
    }

    [Fact]
    public void Flicker_follows_vbench_from_the_mean_absolute_luma_difference_and_skips_the_first_frame()
    {
        // scdet's mafd is in percent of full scale; the first frame has nothing to differ from.
        var frames = Frames(3, i => [$"lavfi.scd.mafd={(i == 0 ? 0 : 10)}", $"lavfi.scd.score={(i == 2 ? 12 : 1)}", .. i == 2 ? new[] { "lavfi.scd.time=0.5" } : []]);

        var readings = FrameAnalyzer.Readings(frames, []);

        Assert.Equal(0.9, Value(readings, MetricNames.Flicker)!.Value, 6);
        Assert.Equal(1, Value(readings, MetricNames.CutCount));
    }

    [Fact]
    public void A_metric_with_no_frames_reporting_it_is_not_measured()
    {
        var readings = FrameAnalyzer.Readings(Frames(1, _ => []), []);

        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Motion).Status);
        Assert.Equal(MetricStatus.NotMeasured, readings.Single(r => r.Name == MetricNames.Blur).Status);
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
