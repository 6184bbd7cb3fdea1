using System.Globalization;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Probing;

/// <summary>The checks a candidate must pass to be eligible at all: codec, aspect, size and duration against the request.</summary>
public static class HardChecks
{
    public static IReadOnlyList<string> Check(VideoProbe probe, ScoringRequest request, ScoringOptions options)
    {
        var problems = new List<string>();
        var codecs = options.AllowedCodecList();
        if (!codecs.Contains(probe.Codec, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"codec {probe.Codec} is not one of {string.Join(", ", codecs)}");
        }

        if (request is { Width: { } w, Height: { } h })
        {
            var want = (double)w / h;
            if (Math.Abs(probe.DisplayAspect - want) / want > options.AspectTolerance)
            {
                problems.Add(Invariant($"aspect ratio {probe.DisplayAspect:0.###} ({probe.Width}×{probe.Height}) instead of {want:0.###} ({w}×{h})"));
            }
            else if (Math.Abs(probe.Width - w) > options.ResolutionTolerancePixels || Math.Abs(probe.Height - h) > options.ResolutionTolerancePixels)
            {
                problems.Add(Invariant($"resolution {probe.Width}×{probe.Height} instead of {w}×{h}"));
            }
        }

        if (request.DurationSeconds is { } seconds && Math.Abs(probe.DurationSeconds - seconds) > options.DurationToleranceSeconds)
        {
            problems.Add(Invariant($"duration {probe.DurationSeconds:0.##} s instead of {seconds:0.##} s ± {options.DurationToleranceSeconds:0.##} s"));
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
