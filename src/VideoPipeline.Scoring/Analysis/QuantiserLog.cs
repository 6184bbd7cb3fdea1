using System.Globalization;
using System.Text.RegularExpressions;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// Reads the frame quantisers the decoder exports (<c>-export_side_data venc_params</c>) and
/// showinfo logs, one line per frame: "video encoding parameters: type 1; qp=42; 510 blocks".
/// Only H.264's (type 1, QP 0–51) are read: VP9 reports a 0–255 qindex on another scale, and
/// ffmpeg 5.1's HEVC and AV1 decoders export nothing, so for those the reading is "not measured".
/// </summary>
internal static partial class QuantiserLog
{
    private const int H264 = 1;

    public static MetricReading Reading(IEnumerable<string> lines, string codec)
    {
        var qps = new List<int>();
        foreach (var line in lines)
        {
            var match = Parameters().Match(line);
            if (match.Success
                && int.Parse(match.Groups["type"].ValueSpan, CultureInfo.InvariantCulture) == H264
                && int.TryParse(match.Groups["qp"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var qp))
            {
                qps.Add(qp);
            }
        }

        return qps.Count == 0
            ? MetricReading.NotMeasured(MetricNames.Quantiser, $"the {codec} decoder reports no H.264 quantiser")
            : MetricReading.Measured(MetricNames.Quantiser, Math.Round(qps.Average(), 2), string.Create(CultureInfo.InvariantCulture, $"mean of {qps.Count} frames, {qps.Min()}–{qps.Max()}"));
    }

    [GeneratedRegex(@"video encoding parameters: type (?<type>\d+); qp=(?<qp>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameters();
}
