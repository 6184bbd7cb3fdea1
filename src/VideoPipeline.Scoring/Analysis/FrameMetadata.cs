using System.Globalization;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>One frame's entries from ffmpeg's <c>metadata=mode=print</c> output.</summary>
internal sealed record FrameMetadata(double Time, IReadOnlyDictionary<string, string> Values)
{
    public double? Number(string key) =>
        Values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>Parses lines like <c>frame:3 pts:1536 pts_time:0.125</c> followed by <c>lavfi.key=value</c> lines.</summary>
    public static List<FrameMetadata> Parse(IEnumerable<string> lines)
    {
        var frames = new List<FrameMetadata>();
        Dictionary<string, string>? current = null;
        var time = 0.0;
        foreach (var line in lines)
        {
            if (line.StartsWith("frame:", StringComparison.Ordinal))
            {
                Flush();
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                var at = line.IndexOf("pts_time:", StringComparison.Ordinal);
                time = at >= 0 && double.TryParse(line.AsSpan(at + "pts_time:".Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : frames.Count;
            }
            else if (current is not null && line.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                current[line[..eq]] = line[(eq + 1)..].Trim();
            }
        }

        Flush();
        return frames;

        void Flush()
        {
            if (current is not null)
            {
                frames.Add(new FrameMetadata(time, current));
            }
        }
    }
}
