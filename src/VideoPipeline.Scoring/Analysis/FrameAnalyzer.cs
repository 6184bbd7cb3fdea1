using System.Globalization;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// Decodes a candidate once and computes every frame metric on a downscale to gray: blackdetect,
/// freezedetect, scdet (cuts, and its mean absolute frame difference for flicker), entropy and
/// vmafmotion on every frame, blurdetect on every third (it is the dearest filter and sharpness does
/// not change frame to frame). Taps for face detection and CLIP branch off the same decode.
/// <c>-xerror</c> makes a corrupt or truncated stream fail instead of exiting 0 with fewer frames.
/// </summary>
internal static class FrameAnalyzer
{
    private const string MetricsFile = "frames.txt";
    private const string BlurFile = "blur.txt";
    private const int BlurEveryNthFrame = 3;

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

        var tapFiles = taps.ToDictionary(t => t.Name, t => Path.Combine(workDirectory, t.FileName), StringComparer.Ordinal);
        return (new FrameAnalysis(frames.Count, Readings(frames, blur), tapFiles), null);
    }

    internal static List<string> Arguments(string input, int shortSide, IReadOnlyList<FrameTap> taps)
    {
        // Short side to shortSide whatever the orientation; the work folder is the working directory,
        // so output names need no escaping inside the filter graph.
        var s = shortSide.ToString(CultureInfo.InvariantCulture);
        var scale = $"scale='if(gt(iw,ih),-2,{s})':'if(gt(iw,ih),{s},-2)':flags=fast_bilinear";
        var split = taps.Count == 0 ? "[base]" : $"split={taps.Count + 1}[base]{string.Concat(taps.Select(t => $"[{t.Name}in]"))}";
        var graph = string.Join(';', new[]
        {
            $"[0:v]{scale},{split}",
            "[base]format=gray,blackdetect=d=0:pix_th=0.10,freezedetect=n=0.001:d=0.5,scdet=t=10,entropy,vmafmotion,split[m][b]",
            $"[m]metadata=mode=print:file={MetricsFile}[mout]",
            $"[b]select='not(mod(n\\,{BlurEveryNthFrame}))',blurdetect,metadata=mode=print:file={BlurFile}[bout]",
        }.Concat(taps.Select(t => $"[{t.Name}in]{t.Filter}[{t.Name}out]")));

        var args = new List<string> { "-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i", input, "-filter_complex", graph, "-map", "[mout]", "-f", "null", "-", "-map", "[bout]", "-f", "null", "-" };
        foreach (var tap in taps)
        {
            args.AddRange(["-map", $"[{tap.Name}out]", "-f", "rawvideo", "-y", tap.FileName]);
        }

        return args;
    }

    internal static List<MetricReading> Readings(List<FrameMetadata> frames, List<FrameMetadata> blurFrames)
    {
        var start = frames[0].Time;
        var step = frames.Count > 1 ? (frames[^1].Time - start) / (frames.Count - 1) : 0;
        var end = frames[^1].Time + step;
        var duration = Math.Max(end - start, 1e-6);

        var black = Intervals(frames, "lavfi.black_start", "lavfi.black_end", end);
        var freeze = Intervals(frames, "lavfi.freezedetect.freeze_start", "lavfi.freezedetect.freeze_end", end);
        var cuts = frames.Count(f => f.Values.ContainsKey("lavfi.scd.time"));

        // Frame-to-frame measures are defined from the second frame on.
        var following = frames.Skip(1).ToList();
        var readings = new List<MetricReading>
        {
            MetricReading.Measured(MetricNames.BlackFraction, Math.Clamp(black / duration, 0, 1)),
            MetricReading.Measured(MetricNames.FreezeFraction, Math.Clamp(freeze / duration, 0, 1)),
            MetricReading.Measured(MetricNames.CutCount, cuts),
        };

        // scdet's mafd is the mean absolute luma difference in percent of full scale, so VBench's
        // (255 − MAE) / 255 is 1 − mafd / 100.
        readings.Add(Mean(MetricNames.Flicker, following, "lavfi.scd.mafd", v => 1 - (v / 100), "a single frame has no temporal flicker"));
        readings.Add(Mean(MetricNames.Motion, following, "lavfi.vmafmotion.score", v => v, "a single frame has no motion"));
        readings.Add(Mean(MetricNames.Blur, blurFrames, "lavfi.blur", v => v, "blurdetect reported no frames"));
        readings.Add(Mean(MetricNames.Detail, frames, "lavfi.entropy.normalized_entropy.normal.Y", v => v, "entropy reported no frames"));
        return readings;
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
