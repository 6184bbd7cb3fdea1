using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Faces;

namespace VideoPipeline.Scoring.Tests.Faces;

public sealed class FaceStabilityTests
{
    private static FaceBox Face(double x, double y = 0.5, double size = 0.2) => new(x, y, size, size, 0.9);

    private static double? Value(IReadOnlyList<MetricReading> readings, string metric) => readings.Single(r => r.Name == metric).Value;

    [Fact]
    public void A_face_moving_smoothly_is_fully_stable()
    {
        var frames = Enumerable.Range(0, 8).Select(i => (IReadOnlyList<FaceBox>)[Face(0.3 + (0.02 * i))]).ToList();

        var readings = FaceStability.Measure(frames);

        Assert.Equal(1, Value(readings, MetricNames.FacePresence));
        Assert.Equal(1, Value(readings, MetricNames.FaceStability)!.Value, 6);
    }

    [Fact]
    public void A_jittering_face_is_less_stable_than_a_steady_one()
    {
        var steady = Enumerable.Range(0, 8).Select(_ => (IReadOnlyList<FaceBox>)[Face(0.5)]).ToList();
        var jitter = Enumerable.Range(0, 8).Select(i => (IReadOnlyList<FaceBox>)[Face(0.5 + (i % 2 == 0 ? 0.03 : -0.03))]).ToList();

        Assert.True(Value(FaceStability.Measure(jitter), MetricNames.FaceStability) < Value(FaceStability.Measure(steady), MetricNames.FaceStability));
    }

    [Fact]
    public void Faces_that_come_and_go_lower_stability_and_presence()
    {
        var blinking = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? (IReadOnlyList<FaceBox>)[Face(0.5)] : []).ToList();

        var readings = FaceStability.Measure(blinking);

        Assert.Equal(0.5, Value(readings, MetricNames.FacePresence));
        Assert.Equal(0, Value(readings, MetricNames.FaceStability));
    }

    [Fact]
    public void Without_any_face_stability_is_not_measured_rather_than_perfect()
    {
        var readings = FaceStability.Measure([.. Enumerable.Range(0, 6).Select(_ => (IReadOnlyList<FaceBox>)[])]);

        Assert.Equal(0, Value(readings, MetricNames.FacePresence));
        var stability = readings.Single(r => r.Name == MetricNames.FaceStability);
        Assert.Equal(MetricStatus.NotMeasured, stability.Status);
        Assert.Contains("no face", stability.Note, StringComparison.Ordinal);
    }
}
