using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Tests.Ranking;

public sealed class ScoringOptionsValidatorTests
{
    /// <summary>A file that exists wherever the tests run (this assembly): a path that passes the "exists" check.</summary>
    private static readonly string ExistingFile = typeof(ScoringOptionsValidatorTests).Assembly.Location;

    /// <summary>Options bound from configuration, as a host binds them, so each message is checked against the path that set it.</summary>
    private static ScoringOptions Bind(params (string Key, string Value)[] settings)
    {
        var options = new ScoringOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build()
            .GetSection(ScoringOptions.SectionName)
            .Bind(options);
        return options;
    }

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Scoring:MaxParallelism", "0", "Scoring:MaxParallelism must be 1 to 64; got 0" },
        { "Scoring:MaxParallelism", "65", "Scoring:MaxParallelism must be 1 to 64; got 65" },
        { "Scoring:CandidateTimeLimit", "00:00:00", "Scoring:CandidateTimeLimit must be more than 0 and at most 01:00:00; got 00:00:00" },
        { "Scoring:CandidateTimeLimit", "02:00:00", "Scoring:CandidateTimeLimit must be more than 0 and at most 01:00:00; got 02:00:00" },
        { "Scoring:AnalysisShortSide", "361", "Scoring:AnalysisShortSide must be an even number of pixels from 64 to 2160; got 361" },
        { "Scoring:AnalysisShortSide", "32", "Scoring:AnalysisShortSide must be an even number of pixels from 64 to 2160; got 32" },
        { "Scoring:AllowedCodecs", " , ", "Scoring:AllowedCodecs must be a comma-separated list of ffprobe codec names; got ' , '" },
        { "Scoring:DurationToleranceSeconds", "-1", "Scoring:DurationToleranceSeconds must be 0 to 60; got -1" },
        { "Scoring:AspectTolerance", "1", "Scoring:AspectTolerance must be at least 0 and less than 1; got 1" },
        { "Scoring:ResolutionTolerancePixels", "65", "Scoring:ResolutionTolerancePixels must be 0 to 64; got 65" },
        { "Scoring:MinDecodedRatio", "1.5", "Scoring:MinDecodedRatio must be 0 to 1; got 1.5" },
        { "Scoring:MotionLow", "20", "Scoring:MotionLow must be more than 0 and less than Scoring:MotionHigh; got 20 and 16" },
        { "Scoring:MotionLow", "0", "Scoring:MotionLow must be more than 0 and less than Scoring:MotionHigh; got 0 and 16" },
        { "Scoring:FaceSampleFps", "0", "Scoring:FaceSampleFps must be more than 0 and at most 30; got 0" },
        { "Scoring:FaceMinConfidence", "1", "Scoring:FaceMinConfidence must be between 0 and 1; got 1" },
        { "Scoring:FaceModelPath", "/nowhere/face.onnx", "Scoring:FaceModelPath must be an existing ONNX file; got /nowhere/face.onnx" },
        { "Scoring:Weights:sharpnes", "1", $"Scoring:Weights:sharpnes must be a preference metric ({string.Join(", ", MetricNames.Preferences)}); defect metrics cost absolute penalties, not weights (docs/scoring.md); got sharpnes" },
        { "Scoring:Weights:quantiser", "1", $"Scoring:Weights:quantiser must be a preference metric ({string.Join(", ", MetricNames.Preferences)}); defect metrics cost absolute penalties, not weights (docs/scoring.md); got quantiser" },
        { "Scoring:Weights:blur", "-1", "Scoring:Weights:blur must be a number at least 0; got -1" },
    };

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(ScoringOptionsValidator.Problems(new ScoringOptions()));
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_refused_with_a_message_naming_its_configuration_path(string key, string value, string expected)
    {
        var result = new ScoringOptionsValidator().Validate(Options.DefaultName, Bind((key, value)));

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Half_a_clip_model_names_each_missing_file()
    {
        var problems = ScoringOptionsValidator.Problems(Bind(("Scoring:Clip:ImageEncoderPath", ExistingFile), ("Scoring:Clip:VocabPath", "/nowhere/vocab.json")));

        Assert.Equal(
            [
                "Scoring:Clip:TextEncoderPath must be an existing file (set all four Clip paths, or none); got nothing",
                "Scoring:Clip:VocabPath must be an existing file (set all four Clip paths, or none); got /nowhere/vocab.json",
                "Scoring:Clip:MergesPath must be an existing file (set all four Clip paths, or none); got nothing",
            ],
            problems);
    }

    [Fact]
    public void Weights_that_are_all_zero_are_refused()
    {
        var problems = ScoringOptionsValidator.Problems(Bind([.. MetricNames.Preferences.Select(m => ($"Scoring:Weights:{m}", "0"))]));

        Assert.Equal(["Scoring:Weights must be positive for at least one metric; got all zero"], problems);
    }
}
