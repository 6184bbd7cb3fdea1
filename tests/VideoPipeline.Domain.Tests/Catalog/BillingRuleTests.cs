using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Domain.Tests.Catalog;

public sealed class BillingRuleTests
{
    [Theory]
    [InlineData(1, 1, 3, 3)]
    [InlineData(5, 5, 3, 5)] // Kling bills a 5 s clip for anything up to 5 s
    [InlineData(5, 5, 5, 5)]
    [InlineData(5, 5, 7, 10)]
    [InlineData(2, 1, 1, 2)] // Runway's 2 s minimum
    [InlineData(1, 4, 5, 8)]
    public void Billed_seconds_round_up_to_the_increment_and_never_fall_below_the_minimum(int minimum, int increment, int output, int billed)
    {
        var rule = BillingRule.PerSecond(0.1m) with { MinimumSeconds = minimum, IncrementSeconds = increment };

        Assert.Equal(billed, rule.BilledSeconds(output));
    }

    [Fact]
    public void A_resolution_with_its_own_price_pays_it_and_others_pay_the_base_rate()
    {
        var rule = BillingRule.PerSecond(0.08m) with { UsdPerSecondByResolution = new Dictionary<string, decimal> { ["1080p"] = 0.25m } };

        Assert.Equal(0.25m, rule.RateFor("1080p"));
        Assert.Equal(0.08m, rule.RateFor("720p"));
    }
}
