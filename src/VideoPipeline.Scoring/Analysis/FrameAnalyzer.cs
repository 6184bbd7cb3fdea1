using System.Globalization;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring.Probing;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// Decodes a candidate once and computes every frame metric on a gray downscale: only the luma plane
/// is scaled (extractplanes, one scale, a look-up table from limited to full range), which costs
/// little more than the decode itself. On every frame: showinfo logs the decoder's quantiser (the
/// report goes to a file through FFREPORT, so stderr stays errors only), blackdetect, freezedetect,
/// scdet (cuts), a 64×64 area-averaged thumbnail (mean luma for flicker, thumbnail differences for
/// motion) and a half-size picture for the defect readings (<see cref="PictureStatistics"/>);
/// blurdetect and a Sobel edge thumbnail (detail) on every eighth (blurdetect is the dearest filter,
/// and sharpness does not change frame to frame). Taps for face detection and CLIP branch off the
/// decoded frames and start with their own frame-rate reduction, so they scale only the few frames
/// they keep. <c>-xerror</c> makes a corrupt or truncated stream fail instead of exiting 0 with fewer frames.
/// </summary>
internal static class FrameAnalyzer
{
    private const string MetricsFile = "frames.txt";
    private const string BlurFile = "blur.txt";
    private const string LumaFile = "luma.gray";
    private const string DetailFile = "detail.gray";
    private const string PictureFile = "picture.gray";
    private const string ReportFile = "report.log";
    private const int LumaSide = 64;
    private const int EdgeSide = 8;
    // blurdetect is the costliest filter in the pass; one frame in eight still gives ~24 samples for an
    // 8 s clip at 24 fps and saves ~0.35 CPU-s per 1080p candidate against one in three.
    private const int BlurEveryNthFrame = 8;

    public static async Task<(FrameAnalysis? Analysis, string? Problem)> RunAsync(
        FfmpegTools tools, string input, string workDirectory, VideoProbe probe, int shortSide, IReadOnlyList<FrameTap> taps, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var size = AnalysisSize.For(probe.Width, probe.Height, shortSide);
        var result = await ProcessRunner.RunAsync(
            tools.Ffmpeg,
            Arguments(Path.GetFullPath(input), size, probe.FullRange, taps),
            timeout,
            cancellationToken,
            workDirectory,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["FFREPORT"] = $"file={ReportFile}:level=32" });
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
        var readings = Readings(frames, blur, luma, edges);
        readings.Add(QuantiserLog.Reading(await File.ReadAllLinesAsync(Path.Combine(workDirectory, ReportFile), cancellationToken), probe.Codec));
        var pictures = Thumbnails(await File.ReadAllBytesAsync(Path.Combine(workDirectory, PictureFile), cancellationToken), size.PictureWidth, size.PictureHeight);
        readings.AddRange(PictureStatistics.Readings(pictures, size.PictureWidth, size.PictureHeight, FrameRate(frames, probe)));
        return (new FrameAnalysis(frames.Count, readings, tapFiles), null);
    }

    /// <summary>The stream's rate from the decoded frames' timestamps, the container's figure when they cannot say.</summary>
    private static double FrameRate(List<FrameMetadata> frames, VideoProbe probe)
    {
        var span = frames.Count > 1 ? frames[^1].Time - frames[0].Time : 0;
        return span > 0 ? (frames.Count - 1) / span : probe.FramesPerSecond;
    }

    internal static List<string> Arguments(string input, AnalysisSize size, bool fullRange, IReadOnlyList<FrameTap> taps)
    {
        // Only the luma plane is scaled, to gray in full range (what blackdetect's and every metric's
        // levels were set on); the work folder is the working directory, so output names
        // need no escaping inside the filter graph.
        // A look-up table expands limited range (16–235) to full: scale's in_range/out_range do nothing
        // when the size already matches, as it does for a source no larger than the analysis size.
        var expand = fullRange ? string.Empty : ",lut=c0='clip((val-16)*255/219,0,255)'";
        var scale = FormattableString.Invariant($"extractplanes=y,scale={size.Width}:{size.Height}:flags=fast_bilinear,format=gray{expand}");
        // No tap (no face model, no CLIP): the decoded frames go straight to the metrics chain. A label
        // straight after a comma ("...,[base]") is a malformed graph ffmpeg rejects with "Invalid argument".
        var head = taps.Count == 0
            ? $"[0:v]{scale},"
            : $"[0:v]split={taps.Count + 1}[full]{string.Concat(taps.Select(t => $"[{t.Name}in]"))};[full]{scale},";
        var graph = string.Join(';', new[]
        {
            head + "showinfo=checksum=0,blackdetect=d=0:pix_th=0.10,freezedetect=n=0.001:d=0.5,scdet=t=10,split=4[m][b][l][p]",
            $"[m]metadata=mode=print:file={MetricsFile}[mout]",
            $"[b]select='not(mod(n\\,{BlurEveryNthFrame}))',split[b1][b2]",
            $"[b1]blurdetect,metadata=mode=print:file={BlurFile}[bout]",
            $"[b2]sobel,scale={EdgeSide}:{EdgeSide}:flags=area[dout]",
            $"[l]scale={LumaSide}:{LumaSide}:flags=area[lout]",
            FormattableString.Invariant($"[p]scale={size.PictureWidth}:{size.PictureHeight}:flags=area[pout]"),
        }.Concat(taps.Select(t => $"[{t.Name}in]{t.Filter}[{t.Name}out]")));

        var args = new List<string>
        {
            "-hide_banner", "-nostdin", "-nostats", "-v", "error", "-xerror", "-export_side_data", "venc_params", "-i", input, "-filter_complex", graph,
            "-map", "[mout]", "-f", "null", "-", "-map", "[bout]", "-f", "null", "-",
            "-map", "[lout]", "-f", "rawvideo", "-y", LumaFile, "-map", "[dout]", "-f", "rawvideo", "-y", DetailFile,
            "-map", "[pout]", "-f", "rawvideo", "-y", PictureFile,
        };
        foreach (var tap in taps)
        {
            args.AddRange(["-map", $"[{tap.Name}out]", "-f", "rawvideo", "-y", tap.FileName]);
        }

        return args;
    }

    /// <summary>Splits a raw gray stream into per-frame pictures of width × height bytes (square thumbnails when no height is given).</summary>
    internal static List<byte[]> Thumbnails(byte[] raw, int width, int? height = null)
    {
        var size = width * (height ?? width);
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
