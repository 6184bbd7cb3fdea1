using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Prompt;

namespace VideoPipeline.Scoring.Tests.Ranking;

public sealed class ScoringRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddCandidateScoring(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Configuration_overrides_single_weights_and_keeps_the_other_defaults()
    {
        using var services = Build(new()
        {
            ["Scoring:Weights:blur"] = "4",
            ["Scoring:CandidateTimeLimit"] = "00:00:20",
            ["Scoring:MaxParallelism"] = "2",
        });

        var options = services.GetRequiredService<IOptions<ScoringOptions>>().Value;

        Assert.Equal(4, options.Weights[MetricNames.Blur]);
        Assert.Equal(RankingPolicy.DefaultWeights[MetricNames.BlackFraction], options.Weights[MetricNames.BlackFraction]);
        Assert.Equal(TimeSpan.FromSeconds(20), options.CandidateTimeLimit);
        Assert.Equal(2, options.MaxParallelism);
        Assert.IsType<UnconfiguredPromptScorer>(services.GetRequiredService<IPromptAdherenceScorer>());
    }

    [Theory]
    [InlineData("Scoring:Weights:motion", "-2", "Scoring:Weights:motion must be a number at least 0; got -2")]
    [InlineData("Ffmpeg:FfprobePath", "/nowhere/ffprobe", "Ffmpeg:FfprobePath must be an existing file, or empty to find it on PATH; got '/nowhere/ffprobe'")]
    public void A_bad_setting_fails_the_host_at_start_naming_the_setting(string key, string value, string expected)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(expected, error.Message);
    }
}
