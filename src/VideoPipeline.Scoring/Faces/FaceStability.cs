using System.Globalization;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Faces;

/// <summary>
/// Face metrics from detections on frames sampled at a steady rate. Presence is the fraction of
/// frames with a face. Stability multiplies how often the face count stays the same from one
/// sample to the next by a jitter penalty; jitter is the second difference of the main face's
/// centre and size over three consecutive samples, in face widths, so a face moving or zooming
/// smoothly is not penalised but one that jumps about is.
/// </summary>
public static class FaceStability
{
    public static IReadOnlyList<MetricReading> Measure(IReadOnlyList<IReadOnlyList<FaceBox>> frames)
    {
        if (frames.Count == 0)
        {
            return [
                MetricReading.NotMeasured(MetricNames.FacePresence, "no frames were sampled"),
                MetricReading.NotMeasured(MetricNames.FaceStability, "no frames were sampled"),
            ];
        }

        var withFace = frames.Count(f => f.Count > 0);
        var presence = MetricReading.Measured(MetricNames.FacePresence, (double)withFace / frames.Count);
        if (withFace == 0)
        {
            return [presence, MetricReading.NotMeasured(MetricNames.FaceStability, $"no face in {frames.Count} sampled frames")];
        }

        var pairs = frames.Count - 1;
        var countChanges = Enumerable.Range(1, pairs).Count(i => frames[i].Count != frames[i - 1].Count);
        var steadiness = pairs == 0 ? 1 : 1 - ((double)countChanges / pairs);

        var jitters = new List<double>();
        for (var i = 2; i < frames.Count; i++)
        {
            if (frames[i - 2].Count > 0 && frames[i - 1].Count > 0 && frames[i].Count > 0)
            {
                var (a, b, c) = (Main(frames[i - 2]), Main(frames[i - 1]), Main(frames[i]));
                var size = Math.Max((a.Width + b.Width + c.Width) / 3, 1e-3);
                var dx = a.CenterX - (2 * b.CenterX) + c.CenterX;
                var dy = a.CenterY - (2 * b.CenterY) + c.CenterY;
                var dw = a.Width - (2 * b.Width) + c.Width;
                jitters.Add((Math.Sqrt((dx * dx) + (dy * dy)) + Math.Abs(dw)) / size);
            }
        }

        var jitter = jitters.Count == 0 ? 0 : jitters.Average();
        var stability = steadiness * Math.Max(0, 1 - jitter);
        var note = string.Create(CultureInfo.InvariantCulture, $"count steady in {steadiness:P0} of steps, jitter {jitter:0.###} face widths");
        return [presence, MetricReading.Measured(MetricNames.FaceStability, stability, note)];
    }

    private static FaceBox Main(IReadOnlyList<FaceBox> faces) => faces.MaxBy(f => f.Area)!;
}
