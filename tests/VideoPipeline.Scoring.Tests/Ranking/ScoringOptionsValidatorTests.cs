namespace VideoPipeline.Scoring.Tests.Ranking;

public sealed class ScoringOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(ScoringOptionsValidator.Problems(new ScoringOptions()));
    }

    [Theory]
    [InlineData("MaxParallelism", "Scoring:MaxParallelism")]
    [InlineData("CandidateTimeLimit", "Scoring:CandidateTimeLimit")]
    [InlineData("UnknownWeight", "Scoring:Weights:sharpnes")]
    [InlineData("NegativeWeight", "Scoring:Weights:blur")]
    [InlineData("MissingFaceModel", "Scoring:FaceModelPath")]
    [InlineData("HalfAClipModel", "Scoring:Clip:TextEncoderPath")]
    [InlineData("MotionBand", "Scoring:MotionLow/MotionHigh")]
    [InlineData("OddShortSide", "Scoring:AnalysisShortSide")]
    public void A_bad_setting_fails_naming_the_setting(string mistake, string setting)
    {
        var options = new ScoringOptions();
        switch (mistake)
        {
            case "MaxParallelism": options.MaxParallelism = 0; break;
            case "CandidateTimeLimit": options.CandidateTimeLimit = TimeSpan.Zero; break;
            case "UnknownWeight": options.Weights["sharpnes"] = 1; break;
            case "NegativeWeight": options.Weights["blur"] = -1; break;
            case "MissingFaceModel": options.FaceModelPath = "/nowhere/face.onnx"; break;
            case "HalfAClipModel": options.Clip.ImageEncoderPath = typeof(ScoringOptionsValidatorTests).Assembly.Location; break;
            case "MotionBand": options.MotionLow = 5; options.MotionHigh = 2; break;
            case "OddShortSide": options.AnalysisShortSide = 361; break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake));
        }

        var result = new ScoringOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_that_are_all_zero_are_refused()
    {
        var options = new ScoringOptions();
        foreach (var key in options.Weights.Keys.ToList())
        {
            options.Weights[key] = 0;
        }

        Assert.Contains(ScoringOptionsValidator.Problems(options), p => p.StartsWith("Scoring:Weights ", StringComparison.Ordinal));
    }
}
