using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Analysis;

namespace VideoPipeline.Scoring.Tests.Measurement;

public sealed class PictureStatisticsTests
{
    private const int W = 64;
    private const int H = 36;

    /// <summary>A still diagonal ramp (20–230) with a bright square moved <paramref name="shift"/> pixels along it, black outside the rows/columns kept.</summary>
    private static byte[] Frame(int shift, int barRows = 0, int barColumns = 0, int noise = 0, int seed = 0)
    {
        var random = new Random(seed);
        var frame = new byte[W * H];
        for (var y = barRows; y < H - barRows; y++)
        {
            for (var x = barColumns; x < W - barColumns; x++)
            {
                var inSquare = x - barColumns - (shift % 40) is >= 0 and < 12 && y - barRows is >= 4 and < 16;
                var v = (inSquare ? 250 : 20 + ((x + y) * 2)) + (noise == 0 ? 0 : random.Next(-noise, noise + 1));
                frame[(y * W) + x] = (byte)Math.Clamp(v, 0, 255);
            }
        }

        return frame;
    }

    private static double Value(List<MetricReading> readings, string metric) => readings.Single(r => r.Name == metric).Value!.Value;

    [Fact]
    public void Black_bars_top_and_bottom_are_a_letterbox_and_the_active_area_is_what_lies_between()
    {
        var frames = Enumerable.Range(0, 12).Select(i => Frame(i, barRows: 9)).ToList();

        var readings = PictureStatistics.Readings(frames, W, H, 24);

        Assert.Equal(0.5, Value(readings, MetricNames.ActiveArea), 3);
        Assert.Equal("letterboxed", readings.Single(r => r.Name == MetricNames.ActiveArea).Note);
        // The bars are not counted as crushed shadows.
        Assert.Equal(0, Value(readings, MetricNames.CrushedShadows));
    }

    [Theory]
    [InlineData(1, 24)]
    [InlineData(2, 12)]
    [InlineData(4, 6)]
    public void Frames_repeated_n_times_give_the_stream_rate_over_n(int repeat, double effectiveFps)
    {
        var frames = Enumerable.Range(0, 48).Select(i => Frame(i / repeat * 3)).ToList();

        var readings = PictureStatistics.Readings(frames, W, H, 24);

        Assert.Equal(effectiveFps, Value(readings, MetricNames.EffectiveFps), 0);
    }

    [Fact]
    public void A_freeze_is_left_to_freezedetect_and_does_not_read_as_a_stutter()
    {
        var frames = Enumerable.Range(0, 48).Select(i => Frame(Math.Min(i, 12) * 3)).ToList();

        Assert.Equal(24, Value(PictureStatistics.Readings(frames, W, H, 24), MetricNames.EffectiveFps), 0);
    }

    [Fact]
    public void Noise_raises_the_temporal_noise_reading_and_motion_alone_does_not()
    {
        var clean = Enumerable.Range(0, 12).Select(i => Frame(i * 3)).ToList();
        var noisy = Enumerable.Range(0, 12).Select(i => Frame(i * 3, noise: 12, seed: i)).ToList();

        Assert.InRange(Value(PictureStatistics.Readings(noisy, W, H, 24), MetricNames.TemporalNoise), 4, 20);
        Assert.InRange(Value(PictureStatistics.Readings(clean, W, H, 24), MetricNames.TemporalNoise), 0, 0.5);
    }

    [Fact]
    public void An_all_black_clip_has_no_picture_to_read_bars_or_exposure_from()
    {
        var readings = PictureStatistics.Readings([new byte[W * H], new byte[W * H]], W, H, 24);

        Assert.All(readings, r => Assert.Equal(MetricStatus.NotMeasured, r.Status));
    }
}
