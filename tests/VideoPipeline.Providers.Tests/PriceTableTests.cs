using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Tests;

public sealed class PriceTableTests
{
    [Fact]
    public void Configured_rate_wins_over_the_list_price()
    {
        var options = new PriceTableOptions();
        options.Rates[ProviderIds.Runway] = new() { ["gen4.5"] = 0.2m };

        var estimate = new PriceTable(Options.Create(options)).Estimate(ProviderIds.Runway, "gen4.5", 5);

        Assert.Equal(1.0m, estimate.TotalUsd);
    }

    [Fact]
    public void A_providers_star_rate_covers_models_not_listed()
    {
        var options = new PriceTableOptions();
        options.Rates[ProviderIds.Kling] = new() { ["*"] = 0.05m };

        Assert.Equal(0.5m, new PriceTable(Options.Create(options)).Estimate(ProviderIds.Kling, "kling-v9", 10).TotalUsd);
    }

    [Fact]
    public void Local_renders_are_free() =>
        Assert.Equal(0m, new PriceTable(Options.Create(new PriceTableOptions())).Estimate(ProviderIds.Local, "ffmpeg", 20).TotalUsd);

    [Fact]
    public void An_unknown_provider_names_the_setting_to_add()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PriceTable(Options.Create(new PriceTableOptions())).Estimate("acme", "m1", 5));

        Assert.Contains("Providers:Pricing:Rates:acme:m1", ex.Message, StringComparison.Ordinal);
    }
}
