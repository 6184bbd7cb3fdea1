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

    [Fact]
    public void A_bad_setting_fails_when_options_are_first_used_naming_the_setting()
    {
        using var services = Build(new() { ["Scoring:Weights:motion"] = "-2" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScoringOptions>>().Value);

        Assert.Contains("Scoring:Weights:motion", error.Message, StringComparison.Ordinal);
    }
}
