using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// The defect readings taken from the small gray frames the analysis pass taps (every frame, half
/// the analysis size, area-averaged, full-range luma): black bars, exposure and contrast inside the
/// active picture, temporal noise and the effective frame rate. One pass over each frame pair: the
/// mean absolute difference of every 8×8 block is what both the noise and the duplicate-frame
/// readings are made of. Thresholds live in <see cref="DefectRules"/>; this only measures.
/// </summary>
internal static class PictureStatistics
{
    /// <summary>A row or column whose every pixel in every non-black frame is at most this is a bar (compressed black sits at 0–4).</summary>
    internal const int BarLevel = 16;

    /// <summary>A frame whose mean luma is below this is black (a fade); blackdetect has it, and it says nothing about bars or exposure.</summary>
    internal const double BlackFrameMean = 12;

    /// <summary>A frame is a repeat of the previous one when no 8×8 block changed by more than this on average, in 8-bit levels.</summary>
    internal const double RepeatLevel = 2;

    /// <summary>Temporal noise is this percentile of the blocks' change: the calmest areas change only by noise.</summary>
    internal const double NoisePercentile = 0.1;

    internal const int Block = 8;

    public static List<MetricReading> Readings(IReadOnlyList<byte[]> frames, int width, int height, double framesPerSecond)
    {
        var lit = frames.Where(f => Mean(f) >= BlackFrameMean).ToList();
        var area = ActivePicture(lit, width, height);
        if (area is null)
        {
            const string why = "the picture is black throughout";
            return
            [
                MetricReading.NotMeasured(MetricNames.EffectiveFps, why), MetricReading.NotMeasured(MetricNames.TemporalNoise, why),
                MetricReading.NotMeasured(MetricNames.ActiveArea, why), MetricReading.NotMeasured(MetricNames.LumaRange, why),
                MetricReading.NotMeasured(MetricNames.ClippedHighlights, why), MetricReading.NotMeasured(MetricNames.CrushedShadows, why),
            ];
        }

        var rect = area.Value;
        var readings = new List<MetricReading>();
        readings.AddRange(Motion(frames, width, rect, framesPerSecond));
        readings.Add(MetricReading.Measured(MetricNames.ActiveArea, Math.Round((double)rect.Width * rect.Height / (width * height), 4), rect.Shape(width, height)));
        readings.AddRange(Exposure(lit, width, rect));
        return readings;
    }

    /// <summary>The rectangle inside black bars, or null when nothing is lit.</summary>
    internal static ActiveRect? ActivePicture(IReadOnlyList<byte[]> lit, int width, int height)
    {
        if (lit.Count == 0)
        {
            return null;
        }

        var rowMax = new int[height];
        var colMax = new int[width];
        foreach (var frame in lit)
        {
            for (var y = 0; y < height; y++)
            {
                var row = frame.AsSpan(y * width, width);
                for (var x = 0; x < width; x++)
                {
                    var v = row[x];
                    if (v > rowMax[y])
                    {
                        rowMax[y] = v;
                    }

                    if (v > colMax[x])
                    {
                        colMax[x] = v;
                    }
                }
            }
        }

        var top = Array.FindIndex(rowMax, v => v > BarLevel);
        var left = Array.FindIndex(colMax, v => v > BarLevel);
        if (top < 0 || left < 0)
        {
            return null;
        }

        var bottom = Array.FindLastIndex(rowMax, v => v > BarLevel);
        var right = Array.FindLastIndex(colMax, v => v > BarLevel);
        return new ActiveRect(left, top, right - left + 1, bottom - top + 1);
    }

    private static IEnumerable<MetricReading> Exposure(IReadOnlyList<byte[]> lit, int width, ActiveRect rect)
    {
        var histogram = new long[256];
        foreach (var frame in lit)
        {
            for (var y = rect.Top; y < rect.Top + rect.Height; y++)
            {
                foreach (var v in frame.AsSpan((y * width) + rect.Left, rect.Width))
                {
                    histogram[v]++;
                }
            }
        }

        var total = (double)histogram.Sum();
        yield return MetricReading.Measured(MetricNames.LumaRange, Percentile(histogram, total, 0.99) - Percentile(histogram, total, 0.01));
        yield return MetricReading.Measured(MetricNames.ClippedHighlights, Math.Round(histogram.AsSpan(250).ToArray().Sum() / total, 4));
        yield return MetricReading.Measured(MetricNames.CrushedShadows, Math.Round(histogram.AsSpan(0, 6).ToArray().Sum() / total, 4));
    }

    /// <summary>
    /// Effective frame rate: the share of frame pairs where the picture changed, times the stream's
    /// rate, over the stretches that are not frozen (a freeze of 0.5 s or more is freezedetect's, not
    /// a stutter). Temporal noise: the median over changed pairs of the calmest blocks' change.
    /// </summary>
    private static IEnumerable<MetricReading> Motion(IReadOnlyList<byte[]> frames, int width, ActiveRect rect, double framesPerSecond)
    {
        if (frames.Count < 2 || framesPerSecond <= 0)
        {
            const string why = "a single frame has no frame rate or temporal noise";
            yield return MetricReading.NotMeasured(MetricNames.EffectiveFps, why);
            yield return MetricReading.NotMeasured(MetricNames.TemporalNoise, why);
            yield break;
        }

        var blocksX = Math.Max(1, rect.Width / Block);
        var blocksY = Math.Max(1, rect.Height / Block);
        if (rect.Width < 3 * Block || rect.Height < 3 * Block)
        {
            const string why = "the active picture is too small to read";
            yield return MetricReading.NotMeasured(MetricNames.EffectiveFps, why);
            yield return MetricReading.NotMeasured(MetricNames.TemporalNoise, why);
            yield break;
        }

        var changed = new bool[frames.Count - 1];
        var noise = new List<double>();
        var change = new double[blocksX * blocksY];
        var grain = new double[blocksX * blocksY];
        var d = new int[blocksX * Block * blocksY * Block];
        for (var i = 1; i < frames.Count; i++)
        {
            BlockDifferences(frames[i - 1], frames[i], width, rect, blocksX, blocksY, change, grain, d);
            changed[i - 1] = change.Max() > RepeatLevel;
            if (changed[i - 1])
            {
                Array.Sort(grain);
                noise.Add(grain[(int)(NoisePercentile * (grain.Length - 1))]);
            }
        }

        var freezeRun = (int)Math.Ceiling(0.5 * framesPerSecond);
        var (moving, fresh) = (0, 0);
        for (var i = 0; i < changed.Length;)
        {
            var run = 0;
            while (i + run < changed.Length && !changed[i + run])
            {
                run++;
            }

            if (run > 0)
            {
                if (run < freezeRun)
                {
                    moving += run;
                }

                i += run;
                continue;
            }

            moving++;
            fresh++;
            i++;
        }

        yield return moving == 0
            ? MetricReading.NotMeasured(MetricNames.EffectiveFps, "the picture never changes (see freezeFraction)")
            : MetricReading.Measured(MetricNames.EffectiveFps, Math.Round(framesPerSecond * fresh / moving, 2), FormattableString.Invariant($"{fresh} new pictures in {moving} frame steps at {framesPerSecond:0.##} fps"));
        yield return noise.Count == 0
            ? MetricReading.NotMeasured(MetricNames.TemporalNoise, "the picture never changes")
            : MetricReading.Measured(MetricNames.TemporalNoise, Math.Round(Median(noise), 3));
    }

    /// <summary>
    /// Per 8×8 block: the mean absolute change <c>d</c> between the frames (in <paramref name="change"/>),
    /// and the mean of d's spatial high-pass, |4d − the four neighbours' d| / 4 (in <paramref name="grain"/>).
    /// Noise changes every pixel independently, so it survives the high-pass; a smooth shape or
    /// gradient moving changes neighbouring pixels alike, so it does not.
    /// </summary>
    private static void BlockDifferences(byte[] a, byte[] b, int width, ActiveRect rect, int blocksX, int blocksY, double[] change, double[] grain, int[] d)
    {
        var (w, h) = (blocksX * Block, blocksY * Block);
        for (var y = 0; y < h; y++)
        {
            var offset = ((rect.Top + y) * width) + rect.Left;
            for (var x = 0; x < w; x++)
            {
                d[(y * w) + x] = a[offset + x] - b[offset + x];
            }
        }

        Array.Clear(change);
        Array.Clear(grain);
        for (var y = 0; y < h; y++)
        {
            var (up, down) = (y == 0 ? 1 : y - 1, y == h - 1 ? h - 2 : y + 1);
            for (var x = 0; x < w; x++)
            {
                var (left, right) = (x == 0 ? 1 : x - 1, x == w - 1 ? w - 2 : x + 1);
                var here = d[(y * w) + x];
                var block = ((y / Block) * blocksX) + (x / Block);
                change[block] += Math.Abs(here);
                grain[block] += Math.Abs((4 * here) - d[(y * w) + left] - d[(y * w) + right] - d[(up * w) + x] - d[(down * w) + x]) / 4.0;
            }
        }

        for (var i = 0; i < change.Length; i++)
        {
            change[i] /= Block * Block;
            grain[i] /= Block * Block;
        }
    }

    private static double Mean(byte[] frame)
    {
        long sum = 0;
        foreach (var v in frame)
        {
            sum += v;
        }

        return frame.Length == 0 ? 0 : (double)sum / frame.Length;
    }

    private static int Percentile(long[] histogram, double total, double p)
    {
        var target = p * total;
        var seen = 0L;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen >= target)
            {
                return v;
            }
        }

        return histogram.Length - 1;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
