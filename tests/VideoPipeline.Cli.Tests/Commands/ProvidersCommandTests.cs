using System.Text.Json;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Cli.Tests.Commands;

public sealed class ProvidersCommandTests
{
    private static readonly TimeProvider Today = new FixedTime(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Json_lists_every_catalogue_model_under_its_provider_and_says_which_are_configured()
    {
        var (exit, output, _) = await RunAsync(["providers", "--json"], new() { ["Providers:Runway:ApiKey"] = "key" });

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var providers = json.RootElement.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(ProviderIds.All.Order(), providers.Keys.Order());
        Assert.True(providers[ProviderIds.Runway].GetProperty("configured").GetBoolean());
        Assert.False(providers[ProviderIds.Kling].GetProperty("configured").GetBoolean());
        Assert.True(providers[ProviderIds.Local].GetProperty("configured").GetBoolean());
        Assert.True(providers[ProviderIds.Sora].GetProperty("retired").GetBoolean());
        Assert.Equal(ModelCatalog.Entries.Count, providers.Values.Sum(p => p.GetProperty("models").GetArrayLength()));

        var gen45 = providers[ProviderIds.Runway].GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "gen4.5");
        Assert.Equal("ga", gen45.GetProperty("stage").GetString());
        Assert.Equal(["720p"], gen45.GetProperty("resolutions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0.12m, gen45.GetProperty("usdPerSecond").GetDecimal());
        Assert.Equal(2, gen45.GetProperty("minimumBilledSeconds").GetInt32());
        Assert.Contains("runwayml.com", gen45.GetProperty("source").GetString(), StringComparison.Ordinal);

        var sora = providers[ProviderIds.Sora].GetProperty("models")[0];
        Assert.Equal(("retired", "2026-09-24"), (sora.GetProperty("stage").GetString(), sora.GetProperty("shutdownOn").GetString()));
    }

    [Fact]
    public async Task The_table_shows_lifecycle_billing_and_configuration()
    {
        var (exit, output, _) = await RunAsync(["providers"], new() { ["Providers:Kling:AccessKey"] = "a", ["Providers:Kling:SecretKey"] = "a-kling-secret-key-of-32-bytes!!" });

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("kling-v2-1-master (pro)", output, StringComparison.Ordinal);
        Assert.Contains("retired 2026-10-22", output, StringComparison.Ordinal);
        Assert.Contains("billed 5 s at least, in 5 s steps", output, StringComparison.Ordinal);
        Assert.Contains("4, 6, 8 s", output, StringComparison.Ordinal);
        Assert.Contains("runway (not configured)", output, StringComparison.Ordinal);
        Assert.Contains("kling (configured)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gemini_Omni_is_shown_configured_by_the_Gemini_API_key_with_its_sizes_prices_and_signed_webhooks()
    {
        var (exit, output, _) = await RunAsync(["providers", "--json"], new() { ["Providers:VeoGemini:ApiKey"] = "the-gemini-key" });

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var omni = json.RootElement.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("id").GetString() == ProviderIds.GeminiOmni);
        Assert.True(omni.GetProperty("configured").GetBoolean());
        var flash = omni.GetProperty("models").EnumerateArray().Single();
        Assert.Equal(("gemini-omni-1.1-flash", "ga"), (flash.GetProperty("model").GetString(), flash.GetProperty("stage").GetString()));
        Assert.Equal(["720p", "1080p"], flash.GetProperty("resolutions").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("not confirmed", flash.GetProperty("source").GetString(), StringComparison.Ordinal);

        var (_, table, _) = await RunAsync(["providers"], new() { ["Providers:VeoGemini:ApiKey"] = "the-gemini-key" });
        Assert.Contains("gemini-omni (configured)", table, StringComparison.Ordinal);
        Assert.Contains("4, 6, 8, 10 s", table, StringComparison.Ordinal);
        Assert.Contains("RS256 JWT (JWKS)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_provider_setting_exits_2_naming_the_setting()
    {
        var (exit, output, error) = await RunAsync(["providers"], new() { ["Providers:Runway:BaseUrl"] = "http://example.com/" });

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Providers:Runway:BaseUrl", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    private static Task<CliRun> RunAsync(string[] args, Dictionary<string, string?> settings) => InProcessCli.RunAsync(args, settings, Today);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
