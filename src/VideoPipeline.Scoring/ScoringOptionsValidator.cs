using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring;

/// <summary>Fails start-up with every bad <c>Scoring</c> setting named, instead of at the first candidate.</summary>
public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    private const string S = ScoringOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(ScoringOptions options)
    {
        var problems = new List<string>();
        void Require(bool ok, string setting, string rule, object? got)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{S}:{setting} must be {rule}; got {got ?? "nothing"}"));
            }
        }

        Require(options.MaxParallelism is >= 1 and <= 64, nameof(options.MaxParallelism), "1 to 64", options.MaxParallelism);
        Require(options.CandidateTimeLimit > TimeSpan.Zero && options.CandidateTimeLimit <= TimeSpan.FromHours(1), nameof(options.CandidateTimeLimit), "more than 0 and at most 01:00:00", options.CandidateTimeLimit);
        Require(options.AnalysisShortSide is >= 64 and <= 2160 && options.AnalysisShortSide % 2 == 0, nameof(options.AnalysisShortSide), "an even number of pixels from 64 to 2160", options.AnalysisShortSide);
        Require(options.AllowedCodecList().Count > 0, nameof(options.AllowedCodecs), "a comma-separated list of ffprobe codec names", $"'{options.AllowedCodecs}'");
        Require(options.DurationToleranceSeconds is >= 0 and <= 60, nameof(options.DurationToleranceSeconds), "0 to 60", options.DurationToleranceSeconds);
        Require(options.AspectTolerance is >= 0 and < 1, nameof(options.AspectTolerance), "at least 0 and less than 1", options.AspectTolerance);
        Require(options.ResolutionTolerancePixels is >= 0 and <= 64, nameof(options.ResolutionTolerancePixels), "0 to 64", options.ResolutionTolerancePixels);
        Require(options.MinDecodedRatio is >= 0 and <= 1, nameof(options.MinDecodedRatio), "0 to 1", options.MinDecodedRatio);
        Require(options.MotionLow > 0 && options.MotionHigh > options.MotionLow, nameof(options.MotionLow), $"more than 0 and less than {S}:{nameof(options.MotionHigh)}", FormattableString.Invariant($"{options.MotionLow} and {options.MotionHigh}"));
        Require(options.FaceSampleFps is > 0 and <= 30, nameof(options.FaceSampleFps), "more than 0 and at most 30", options.FaceSampleFps);
        Require(options.FaceMinConfidence is > 0 and < 1, nameof(options.FaceMinConfidence), "between 0 and 1", options.FaceMinConfidence);
        if (!string.IsNullOrWhiteSpace(options.FaceModelPath))
        {
            Require(File.Exists(options.FaceModelPath), nameof(options.FaceModelPath), "an existing ONNX file", options.FaceModelPath);
        }

        foreach (var (metric, weight) in options.Weights)
        {
            Require(
                MetricNames.Preferences.Contains(metric),
                $"Weights:{metric}",
                $"a preference metric ({string.Join(", ", MetricNames.Preferences)}); defect metrics cost absolute penalties, not weights (docs/scoring.md)",
                metric);
            Require(double.IsFinite(weight) && weight >= 0, $"Weights:{metric}", "a number at least 0", weight);
        }

        Require(options.Weights.Values.Any(w => w > 0), "Weights", "positive for at least one metric", "all zero");

        var clip = options.Clip;
        if (clip.IsConfigured)
        {
            foreach (var (setting, path) in new[]
            {
                (nameof(clip.ImageEncoderPath), clip.ImageEncoderPath), (nameof(clip.TextEncoderPath), clip.TextEncoderPath),
                (nameof(clip.VocabPath), clip.VocabPath), (nameof(clip.MergesPath), clip.MergesPath),
            })
            {
                Require(!string.IsNullOrWhiteSpace(path) && File.Exists(path), $"Clip:{setting}", "an existing file (set all four Clip paths, or none)", path);
            }

            Require(clip.Frames is >= 1 and <= 64, "Clip:Frames", "1 to 64", clip.Frames);
            Require(clip.ImageSize is >= 16 and <= 1024, "Clip:ImageSize", "16 to 1024", clip.ImageSize);
            Require(clip.ContextLength is >= 4 and <= 1024, "Clip:ContextLength", "4 to 1024", clip.ContextLength);
        }

        return problems;
    }
}
