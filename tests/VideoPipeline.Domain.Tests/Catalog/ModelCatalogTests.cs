using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Domain.Tests.Catalog;

public sealed class ModelCatalogTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_provider_has_a_model_and_every_entry_cites_its_source()
    {
        Assert.All(ProviderIds.All, id => Assert.NotEmpty(ModelCatalog.Of(id)));
        Assert.All(ModelCatalog.Entries, e =>
        {
            Assert.Contains(e.ProviderId, ProviderIds.All);
            Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.ProviderId} {e.Name} cites no source");
            Assert.NotEmpty(e.Can.Resolutions);
            Assert.NotEmpty(e.Can.AspectRatios);
            Assert.All(e.Can.Resolutions, r => Assert.Contains(r, Resolutions.All));
            Assert.All(e.Can.AspectRatios, a => Assert.Contains(a, AspectRatios.All));
            Assert.True(e.Billing.UsdPerSecond >= 0);
            Assert.True(e.Can.TextToVideo || e.Can.ImageToVideo);
            Assert.True(e.Lifecycle.Successor is null || e.Lifecycle.ShutdownOn is not null, $"{e.Name} has a successor but no shutdown date");
        });
    }

    [Fact]
    public void No_model_is_listed_twice() =>
        Assert.Equal(ModelCatalog.Entries.Count, ModelCatalog.Entries.Select(e => (e.ProviderId, e.Model, e.Mode)).Distinct().Count());

    [Theory]
    [InlineData("runway", "gen4.5", null, 5, "1080p", "16:9", "720p only")]
    [InlineData("runway", "gen4.5", null, 5, "720p", "1:1", "not 1:1")]
    [InlineData("runway", "gen4.5", null, 12, "720p", "16:9", "not 12 s")]
    [InlineData("runway", "gen4_turbo", null, 5, "720p", "16:9", "needs a reference image")]
    [InlineData("kling", "kling-v2-1-master", "std", 5, "1080p", "16:9", "720p only")]
    [InlineData("kling", "kling-v2-1-master", "pro", 3, "1080p", "16:9", "would fail the duration check")]
    [InlineData("veo-vertex", "veo-3.1-generate-001", null, 5, "1080p", "1:1", "not 1:1")]
    [InlineData("veo-gemini", "veo-3.1-generate-preview", null, 8, "720p", "16:9", "retired 2026-10-22 (successor gemini-omni-1.1-flash)")]
    [InlineData("veo-vertex", "veo-3.0-generate-001", null, 8, "720p", "16:9", "retired 2026-06-30")]
    [InlineData("sora", "sora-2", null, 4, "720p", "16:9", "retired 2026-09-24")]
    [InlineData("sora", "sora-2", null, 4, "1080p", "16:9", "retired")]
    [InlineData("gemini-omni", "gemini-omni-1.1-flash", null, 11, "720p", "16:9", "not 11 s")]
    [InlineData("gemini-omni", "gemini-omni-1.1-flash", null, 8, "1080p", "1:1", "not 1:1")]
    public void A_model_refuses_what_it_cannot_make_and_says_why(
        string provider, string model, string? mode, int seconds, string resolution, string aspect, string reason)
    {
        var entry = ModelCatalog.Find(provider, model, mode)!;

        Assert.Contains(reason, entry.CannotMake(new ShotRequirements(seconds, resolution, aspect), Today), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kling", "kling-v2-1-master", "pro", 5, "1080p", "1:1", 5)]
    [InlineData("kling", "kling-v2-1-master", "std", 4, "720p", "9:16", 5)]
    [InlineData("veo-vertex", "veo-3.1-generate-001", null, 5, "1080p", "16:9", 6)]
    [InlineData("veo-vertex", "veo-3.1-fast-generate-001", null, 8, "1080p", "9:16", 8)]
    [InlineData("runway", "gen4.5", null, 7, "720p", "9:16", 7)]
    [InlineData("local", "ffmpeg", null, 20, "1080p", "1:1", 20)]
    [InlineData("gemini-omni", "gemini-omni-1.1-flash", null, 9, "1080p", "9:16", 10)]
    [InlineData("gemini-omni", "gemini-omni-1.1-flash", null, 3, "720p", "16:9", 4)]
    public void A_model_takes_what_it_can_make_at_the_length_it_makes(
        string provider, string model, string? mode, int seconds, string resolution, string aspect, int output)
    {
        var entry = ModelCatalog.Find(provider, model, mode)!;
        var shot = new ShotRequirements(seconds, resolution, aspect);

        Assert.Null(entry.CannotMake(shot, Today));
        Assert.Equal(output, entry.OutputSecondsFor(shot));
    }

    [Fact]
    public void Veo_on_the_gemini_api_makes_1080p_at_8_seconds_only()
    {
        var entry = ModelCatalog.Find(ProviderIds.VeoGemini, "veo-3.1-generate-preview")!;

        Assert.Equal(8, entry.OutputSecondsFor(new ShotRequirements(4, Resolutions.P1080, AspectRatios.Landscape)));
        Assert.Equal(4, entry.OutputSecondsFor(new ShotRequirements(4, Resolutions.P720, AspectRatios.Landscape)));
    }

    [Theory]
    [InlineData("2026-09-23T23:59:59Z", false)]
    [InlineData("2026-09-24T00:00:00Z", true)]
    public void A_model_is_retired_from_its_shutdown_day_on(string now, bool retired) =>
        Assert.Equal(retired, ModelCatalog.Find(ProviderIds.Sora, "sora-2")!.Lifecycle.IsRetiredAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_mode_the_table_does_not_list_is_not_confused_with_another()
    {
        Assert.Equal("pro", ModelCatalog.Find(ProviderIds.Kling, "kling-v2-1-master", "PRO")!.Mode);
        Assert.Null(ModelCatalog.Find(ProviderIds.Kling, "kling-v2-1-master", "ultra"));
        Assert.Null(ModelCatalog.Find(ProviderIds.Runway, "gen9"));
    }
}
