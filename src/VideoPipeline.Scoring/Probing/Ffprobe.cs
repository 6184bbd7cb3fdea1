using System.Globalization;
using System.Text.Json;
using VideoPipeline.Media;

namespace VideoPipeline.Scoring.Probing;

/// <summary>Reads a file's first video stream with ffprobe's JSON output.</summary>
public static class Ffprobe
{
    /// <summary>The probe, or the reason the file is not a readable video.</summary>
    public static async Task<(VideoProbe? Probe, string? Problem)> ProbeAsync(FfmpegTools tools, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,sample_aspect_ratio,color_range,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration",
            "-of", "json", path,
        ];
        var result = await ProcessRunner.RunAsync(tools.Ffprobe, args, timeout, cancellationToken);
        if (!result.Succeeded)
        {
            return (null, $"cannot be read as video: {LastLine(result.StandardError)}");
        }

        return Parse(result.StandardOutput);
    }

    internal static (VideoProbe? Probe, string? Problem) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return (null, "has no video stream");
        }

        var s = streams[0];
        var width = s.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = s.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0)
        {
            return (null, "has a video stream without a frame size");
        }

        var fps = Rational(Text(s, "avg_frame_rate")) ?? Rational(Text(s, "r_frame_rate")) ?? 0;
        var duration = Number(Text(s, "duration"))
            ?? (root.TryGetProperty("format", out var format) ? Number(Text(format, "duration")) : null)
            ?? 0;
        long? frames = long.TryParse(Text(s, "nb_frames"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        var sar = Rational(Text(s, "sample_aspect_ratio")?.Replace(':', '/')) is { } r and > 0 ? r : 1;
        var fullRange = string.Equals(Text(s, "color_range"), "pc", StringComparison.Ordinal);
        return (new VideoProbe(Text(s, "codec_name") ?? "unknown", width, height, sar, duration, fps, frames, fullRange), null);
    }

    internal static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no error output" : lines[^1];
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static double? Rational(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length == 2 && Number(parts[0]) is { } num && Number(parts[1]) is { } den && den != 0)
        {
            return num / den;
        }

        return Number(text);
    }
}
