using System.Globalization;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// Decodes a candidate once and computes every frame metric on a downscale to gray: blackdetect,
/// freezedetect, scdet (cuts) and a 64×64 area-averaged thumbnail (mean luma for flicker, thumbnail
/// differences for motion) on every frame; blurdetect and a Sobel edge thumbnail (detail) on every third (blurdetect is the dearest
/// filter, and sharpness does not change frame to frame). Taps for face detection and CLIP branch off the same decode.
/// <c>-xerror</c> makes a corrupt or truncated stream fail instead of exiting 0 with fewer frames.
/// </summary>
internal static class FrameAnalyzer
{
    private const string MetricsFile = "frames.txt";
    private const string BlurFile = "blur.txt";
    private const string LumaFile = "luma.gray";
    private const string DetailFile = "detail.gray";
    private const int LumaSide = 64;
    private const int EdgeSide = 8;
    // blurdetect is the costliest filter in the pass; one frame in eight still gives ~24 samples for an
    // 8 s clip at 24 fps and saves ~0.35 CPU-s per 1080p candidate against one in three.
    private const int BlurEveryNthFrame = 8;

    public static async Task<(FrameAnalysis? Analysis, string? Problem)> RunAsync(
        FfmpegTools tools, string input, string workDirectory, int shortSide, IReadOnlyList<FrameTap> taps, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(tools.Ffmpeg, Arguments(Path.GetFullPath(input), shortSide, taps), timeout, cancellationToken, workDirectory);
        if (!result.Succeeded)
        {
            return (null, $"does not decode completely: {Probing.Ffprobe.LastLine(result.StandardError)}");
        }

        var frames = FrameMetadata.Parse(await File.ReadAllLinesAsync(Path.Combine(workDirectory, MetricsFile), cancellationToken));
        var blur = FrameMetadata.Parse(await File.ReadAllLinesAsync(Path.Combine(workDirectory, BlurFile), cancellationToken));
        if (frames.Count == 0)
        {
            return (null, "decodes to no frames");
        }

        var luma = Thumbnails(await File.ReadAllBytesAsync(Path.Combine(workDirectory, LumaFile), cancellationToken), LumaSide);
        var edges = Thumbnails(await File.ReadAllBytesAsync(Path.Combine(workDirectory, DetailFile), cancellationToken), EdgeSide).Select(t => t.Average(b => (double)b)).ToList();
        var tapFiles = taps.ToDictionary(t => t.Name, t => Path.Combine(workDirectory, t.FileName), StringComparer.Ordinal);
        return (new FrameAnalysis(frames.Count, Readings(frames, blur, luma, edges), tapFiles), null);
    }

    internal static List<string> Arguments(string input, int shortSide, IReadOnlyList<FrameTap> taps)
    {
        // Short side to shortSide whatever the orientation; the work folder is the working directory,
        // so output names need no escaping inside the filter graph.
        var s = shortSide.ToString(CultureInfo.InvariantCulture);
        var scale = $"scale='if(gt(iw,ih),-2,{s})':'if(gt(iw,ih),{s},-2)':flags=fast_bilinear";
        // No tap (no face model, no CLIP): the downscale's output is the metrics branch itself. A label straight
        // after a comma ("scale=...,[base]") is a malformed graph ffmpeg rejects with "Invalid argument".
        var head = taps.Count == 0
            ? $"[0:v]{scale}[base]"
            : $"[0:v]{scale},split={taps.Count + 1}[base]{string.Concat(taps.Select(t => $"[{t.Name}in]"))}";
        var graph = string.Join(';', new[]
        {
            head,
            // The bare scale converts to gray on this branch alone: a format filter straight after split
            // would make ffmpeg negotiate gray for every branch, and the colour taps would get gray.
            "[base]scale,format=gray,blackdetect=d=0:pix_th=0.10,freezedetect=n=0.001:d=0.5,scdet=t=10,split=3[m][b][l]",
            $"[m]metadata=mode=print:file={MetricsFile}[mout]",
            $"[b]select='not(mod(n\\,{BlurEveryNthFrame}))',split[b1][b2]",
            $"[b1]blurdetect,metadata=mode=print:file={BlurFile}[bout]",
            $"[b2]sobel,scale={EdgeSide}:{EdgeSide}:flags=area[dout]",
            $"[l]scale={LumaSide}:{LumaSide}:flags=area[lout]",
        }.Concat(taps.Select(t => $"[{t.Name}in]{t.Filter}[{t.Name}out]")));

        var args = new List<string> { "-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i", input, "-filter_complex", graph, "-map", "[mout]", "-f", "null", "-", "-map", "[bout]", "-f", "null", "-", "-map", "[lout]", "-f", "rawvideo", "-y", LumaFile, "-map", "[dout]", "-f", "rawvideo", "-y", DetailFile };
        foreach (var tap in taps)
        {
            args.AddRange(["-map", $"[{tap.Name}out]", "-f", "rawvideo", "-y", tap.FileName]);
        }

        return args;
    }

    /// <summary>Splits a raw gray stream into per-frame thumbnails of side × side bytes.</summary>
    internal static List<byte[]> Thumbnails(byte[] raw, int side)
    {
        var size = side * side;
        return [.. Enumerable.Range(0, raw.Length / size).Select(i => raw.AsSpan(i * size, size).ToArray())];
    }

    internal static List<MetricReading> Readings(List<FrameMetadata> frames, List<FrameMetadata> blurFrames, List<byte[]> lumaThumbnails, List<double> frameMeanEdges)
    {
        var start = frames[0].Time;
        var step = frames.Count > 1 ? (frames[^1].Time - start) / (frames.Count - 1) : 0;
        var end = frames[^1].Time + step;
        var duration = Math.Max(end - start, 1e-6);

        var black = Intervals(frames, "lavfi.black_start", "lavfi.black_end", end);
        var freeze = Intervals(frames, "lavfi.freezedetect.freeze_start", "lavfi.freezedetect.freeze_end", end);
        var cuts = frames.Count(f => f.Values.ContainsKey("lavfi.scd.time"));

        var readings = new List<MetricReading>
        {
            MetricReading.Measured(MetricNames.BlackFraction, Math.Clamp(black / duration, 0, 1)),
            MetricReading.Measured(MetricNames.FreezeFraction, Math.Clamp(freeze / duration, 0, 1)),
            MetricReading.Measured(MetricNames.CutCount, cuts),
        };

        readings.Add(Flicker([.. lumaThumbnails.Select(t => t.Average(b => (double)b))]));
        readings.Add(Motion(lumaThumbnails));
        readings.Add(Mean(MetricNames.Blur, blurFrames, "lavfi.blur", v => v, "blurdetect reported no frames"));
        // Mean Sobel gradient magnitude: texture and edges, the ingredient of ITU-T P.910's spatial
        // information. (Histogram entropy was tried first: blurring spreads the histogram and raised it.)
        readings.Add(frameMeanEdges.Count == 0
            ? MetricReading.NotMeasured(MetricNames.Detail, "no frames reached the edge filter")
            : MetricReading.Measured(MetricNames.Detail, frameMeanEdges.Average() / 255));
        return readings;
    }

    /// <summary>
    /// VBench's temporal-flicker formula, (255 − mean absolute difference of consecutive frames) / 255,
    /// taken on each frame's mean luma rather than per pixel: per pixel, moving content counts as
    /// flicker and a blurred clip scores steadier than a sharp one; the frame mean moves with
    /// brightness changes, not with things moving about.
    /// </summary>
    private static MetricReading Flicker(List<double> frameMeanLuma)
    {
        if (frameMeanLuma.Count < 2)
        {
            return MetricReading.NotMeasured(MetricNames.Flicker, "a single frame has no temporal flicker");
        }

        var meanDifference = Enumerable.Range(1, frameMeanLuma.Count - 1).Average(i => Math.Abs(frameMeanLuma[i] - frameMeanLuma[i - 1]));
        return MetricReading.Measured(MetricNames.Flicker, 1 - (meanDifference / 255));
    }

    /// <summary>
    /// Mean absolute difference of consecutive 64×64 area-averaged luma thumbnails, in 8-bit levels:
    /// VMAF motion's idea (differences of low-passed frames) at a fraction of its cost, and on the
    /// same scale (within a few tenths on our test clips). Pixel noise averages out; movement does not.
    /// </summary>
    private static MetricReading Motion(List<byte[]> thumbnails)
    {
        if (thumbnails.Count < 2)
        {
            return MetricReading.NotMeasured(MetricNames.Motion, "a single frame has no motion");
        }

        var differences = Enumerable.Range(1, thumbnails.Count - 1).Select(i =>
        {
            var (a, b) = (thumbnails[i], thumbnails[i - 1]);
            var sum = 0;
            for (var p = 0; p < a.Length; p++)
            {
                sum += Math.Abs(a[p] - b[p]);
            }

            return (double)sum / a.Length;
        });
        return MetricReading.Measured(MetricNames.Motion, differences.Average());
    }

    private static MetricReading Mean(string metric, List<FrameMetadata> frames, string key, Func<double, double> map, string whyNot)
    {
        var values = frames.Select(f => f.Number(key)).OfType<double>().ToList();
        return values.Count == 0 ? MetricReading.NotMeasured(metric, whyNot) : MetricReading.Measured(metric, map(values.Average()));
    }

    /// <summary>Total length of the [start, end) events; one still open at the last frame runs to the end of the clip.</summary>
    private static double Intervals(List<FrameMetadata> frames, string startKey, string endKey, double clipEnd)
    {
        var total = 0.0;
        double? open = null;
        foreach (var f in frames)
        {
            if (f.Number(endKey) is { } stop && open is { } begun)
            {
                total += stop - begun;
                open = null;
            }

            if (f.Number(startKey) is { } begin)
            {
                open ??= begin;
            }
        }

        return open is { } stillOpen ? total + (clipEnd - stillOpen) : total;
    }
}
