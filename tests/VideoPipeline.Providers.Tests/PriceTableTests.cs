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

    [Theory]
    [InlineData("kling", "kling-v2-1-master", "std", 3, "720p", 5, 0.35)] // Kling bills 5 s at least
    [InlineData("kling", "kling-v2-1-master", "pro", 7, "1080p", 10, 1.40)] // and in 5 s steps
    [InlineData("veo-vertex", "veo-3.1-generate-001", null, 5, "1080p", 6, 2.40)] // Veo makes 4/6/8 s
    [InlineData("veo-vertex", "veo-3.1-fast-generate-001", null, 1, "720p", 4, 0.60)]
    [InlineData("runway", "gen4.5", null, 7, "720p", 7, 0.84)] // Runway bills the requested 2–10 s
    [InlineData("runway", "gen4.5", null, 1, "720p", 2, 0.24)]
    public void Estimates_bill_the_seconds_the_provider_bills_not_the_seconds_asked(
        string provider, string model, string? mode, int seconds, string resolution, int billed, double usd)
    {
        var estimate = new PriceTable(Options.Create(new PriceTableOptions())).Estimate(provider, model, seconds, resolution, mode);

        Assert.Equal((seconds, billed, (decimal)usd), (estimate.RequestedSeconds, estimate.BilledSeconds, estimate.TotalUsd));
    }

    [Fact]
    public void A_configured_rate_applies_to_the_billed_seconds()
    {
        var options = new PriceTableOptions();
        options.Rates[ProviderIds.Kling] = new() { ["kling-v2-1-master"] = 0.1m };

        Assert.Equal(0.5m, new PriceTable(Options.Create(options)).Estimate(ProviderIds.Kling, "kling-v2-1-master", 3, "720p", "std").TotalUsd);
    }

    [Fact]
    public void An_unknown_provider_names_the_setting_to_add()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PriceTable(Options.Create(new PriceTableOptions())).Estimate("acme", "m1", 5));

        Assert.Contains("Providers:Pricing:Rates:acme:m1", ex.Message, StringComparison.Ordinal);
    }
}
