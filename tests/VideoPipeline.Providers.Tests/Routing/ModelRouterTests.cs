using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Routing;

namespace VideoPipeline.Providers.Tests.Routing;

public sealed class ModelRouterTests : IDisposable
{
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _time = new(Today);
    private ServiceProvider? _services;

    [Fact]
    public void A_1080p_shot_goes_only_to_models_that_make_1080p_and_says_why_the_others_cannot()
    {
        var router = Router();

        var plan = router.Route(Shot(5, Resolutions.P1080), [ProviderIds.Runway, ProviderIds.Kling, ProviderIds.VeoVertex]);

        Assert.Equal(
            ["kling-v2-1-master (pro)", "veo-3.1-fast-generate-001", "veo-3.1-generate-001"],
            plan.Options.Select(o => o.Mode is null ? o.Model : $"{o.Model} ({o.Mode})"));
        Assert.Contains(plan.Refused, r => r.ProviderId == ProviderIds.Runway && r.Model == "gen4.5" && r.Reason.Contains("720p only", StringComparison.Ordinal));
        Assert.Contains(plan.Refused, r => r.Model == "kling-v2-1-master (std)" && r.Reason.Contains("720p only", StringComparison.Ordinal));
        Assert.Contains(plan.Refused, r => r.Model == "veo-3.0-generate-001" && r.Reason.Contains("retired", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_carry_billed_seconds_and_come_cheapest_first()
    {
        var plan = Router().Route(Shot(5, Resolutions.P1080), [ProviderIds.VeoVertex, ProviderIds.Kling]);

        var veo = plan.Options.Single(o => o.Model == "veo-3.1-generate-001");
        Assert.Equal((6, 6, 2.40m), (veo.OutputSeconds, veo.BilledSeconds, veo.EstimatedUsd)); // Veo makes 4/6/8 s: 5 s is billed as 6
        Assert.Equal(plan.Options.OrderBy(o => o.EstimatedUsd).Select(o => o.Model), plan.Options.Select(o => o.Model));
        Assert.Equal(plan.Options[0], plan.Cheapest);
    }

    [Fact]
    public void A_configured_rate_overrides_the_list_price_in_the_route()
    {
        var plan = Router(s => s["Providers:Pricing:Rates:kling:*"] = "0.02").Route(Shot(4, Resolutions.P720), [ProviderIds.Kling]);

        var std = plan.Options.Single(o => o.Mode == "std");
        Assert.Equal((5, 0.02m, 0.10m), (std.BilledSeconds, std.UsdPerSecond, std.EstimatedUsd)); // 4 s asked, 5 s made and billed
    }

    [Fact]
    public void A_provider_without_credentials_is_passed_over_with_the_reason()
    {
        var plan = Router(s => s.Remove("Providers:Runway:ApiKey")).Route(Shot(5, Resolutions.P720), [ProviderIds.Runway, ProviderIds.Local]);

        Assert.Equal([ProviderIds.Local], plan.Options.Select(o => o.ProviderId));
        Assert.Contains(new RouteRefusal(ProviderIds.Runway, null, "not configured (no credentials)"), plan.Refused);
    }

    [Fact]
    public void A_shot_no_allowed_model_can_make_is_refused_with_every_reason_before_anything_is_spent()
    {
        var plan = Router().Route(Shot(15, Resolutions.P1080), [ProviderIds.Runway, ProviderIds.Sora]);

        Assert.False(plan.CanRoute);
        Assert.Null(plan.Cheapest);
        Assert.Contains("runway: gen4.5 makes 720p only", plan.Explain(), StringComparison.Ordinal);
        Assert.Contains("sora: sora-2 is retired 2026-09-24", plan.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, Resolutions.P720, AspectRatios.Landscape, 4, 0.52)]
    [InlineData(8, Resolutions.P720, AspectRatios.Portrait, 8, 1.04)]
    [InlineData(7, Resolutions.P1080, AspectRatios.Landscape, 8, 1.56)]
    [InlineData(10, Resolutions.P1080, AspectRatios.Portrait, 10, 1.95)]
    public void A_brief_on_the_Gemini_API_key_routes_to_Omni_Flash_and_never_to_the_retired_Veo_previews(
        int seconds, string resolution, string aspect, int madeSeconds, double usd)
    {
        // Only the Gemini API key is configured, under the Veo section it always lived in.
        var plan = Router().Route(Shot(seconds, resolution, aspect), [ProviderIds.VeoGemini, ProviderIds.GeminiOmni]);

        var option = Assert.Single(plan.Options);
        Assert.Equal((ProviderIds.GeminiOmni, "gemini-omni-1.1-flash"), (option.ProviderId, option.Model));
        Assert.Equal((madeSeconds, (decimal)usd), (option.OutputSeconds, option.EstimatedUsd));
        Assert.All(plan.Refused.Where(r => r.ProviderId == ProviderIds.VeoGemini), r => Assert.Contains("retired", r.Reason, StringComparison.Ordinal));
        Assert.Contains(plan.Refused, r => r.Model == "veo-3.1-generate-preview" && r.Reason.Contains("gemini-omni-1.1-flash", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_policy_reaches_Omni_Flash_and_no_Veo_model_on_the_Gemini_API()
    {
        var plan = Router().Route(Shot(6, Resolutions.P720, AspectRatios.Portrait), ModelRouter.DefaultProviders);

        Assert.Contains(plan.Options, o => o.ProviderId == ProviderIds.GeminiOmni && o.Model == "gemini-omni-1.1-flash");
        Assert.DoesNotContain(plan.Options, o => o.ProviderId == ProviderIds.VeoGemini);
    }

    [Theory]
    [InlineData(12, AspectRatios.Landscape, "4, 6, 8, 10 s")]
    [InlineData(8, AspectRatios.Square, "16:9, 9:16 only")]
    public void What_Omni_Flash_cannot_make_is_refused_with_the_reason(int seconds, string aspect, string reason)
    {
        var plan = Router().Route(Shot(seconds, Resolutions.P720, aspect), [ProviderIds.GeminiOmni]);

        Assert.False(plan.CanRoute);
        Assert.Contains(plan.Refused, r => r.Model == "gemini-omni-1.1-flash" && r.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Omni_Flash_without_any_Gemini_API_key_is_not_configured()
    {
        var plan = Router(s => s.Remove("Providers:VeoGemini:ApiKey")).Route(Shot(4, Resolutions.P720), [ProviderIds.GeminiOmni]);

        Assert.Contains(new RouteRefusal(ProviderIds.GeminiOmni, null, "not configured (no credentials)"), plan.Refused);
    }

    [Fact]
    public void A_retired_model_is_never_routed_even_when_named_explicitly()
    {
        var plan = Router().Route(Shot(4, Resolutions.P720), [ProviderIds.Sora, ProviderIds.VeoGemini]);

        Assert.Empty(plan.Options);
        Assert.All(plan.Refused, r => Assert.Contains("retired", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Before_its_shutdown_day_a_model_still_routes()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 23, 12, 0, 0, TimeSpan.Zero));

        var plan = Router().Route(Shot(4, Resolutions.P720), [ProviderIds.Sora]);

        Assert.Contains(plan.Options, o => o.Model == "sora-2");
    }

    [Fact]
    public void A_model_marked_unavailable_at_run_time_is_routed_around_until_restored()
    {
        var router = Router();
        var availability = _services!.GetRequiredService<ModelAvailability>();

        Assert.True(availability.MarkUnavailable(ProviderIds.VeoVertex, "veo-3.1-generate-001", null, "the provider answered model not found"));
        var plan = router.Route(Shot(8, Resolutions.P1080), [ProviderIds.VeoVertex]);

        Assert.DoesNotContain(plan.Options, o => o.Model == "veo-3.1-generate-001");
        Assert.Contains(plan.Options, o => o.Model == "veo-3.1-fast-generate-001");
        Assert.Contains(plan.Refused, r => r.Model == "veo-3.1-generate-001" && r.Reason.StartsWith("the provider answered model not found", StringComparison.Ordinal));

        availability.Restore(ProviderIds.VeoVertex, "veo-3.1-generate-001", null);
        Assert.Contains(router.Route(Shot(8, Resolutions.P1080), [ProviderIds.VeoVertex]).Options, o => o.Model == "veo-3.1-generate-001");
    }

    [Fact]
    public void A_provider_answering_model_not_found_takes_the_model_out_of_routing_and_other_failures_do_not()
    {
        var router = Router();
        var unavailable = ProviderFailures.ModelUnavailable("replicate: The requested resource could not be found.", "http_404");

        Assert.False(router.Report(ProviderIds.VeoVertex, "veo-3.1-generate-001", null, ProviderFailures.RateLimited("slow down")));
        Assert.True(router.Report(ProviderIds.VeoVertex, "veo-3.1-generate-001", null, unavailable));
        Assert.False(router.Report(ProviderIds.VeoVertex, "veo-3.1-generate-001", null, unavailable)); // already marked
        var plan = router.Route(Shot(8, Resolutions.P1080), [ProviderIds.VeoVertex]);

        Assert.Equal(["veo-3.1-fast-generate-001"], plan.Options.Select(o => o.Model));
        Assert.Contains(plan.Refused, r => r.Model == "veo-3.1-generate-001" && r.Reason.Contains("could not be found", StringComparison.Ordinal));
        router.Restore(ProviderIds.VeoVertex, "veo-3.1-generate-001", null);
        Assert.Equal(2, router.Route(Shot(8, Resolutions.P1080), [ProviderIds.VeoVertex]).Options.Count);
    }

    [Fact]
    public void An_unknown_provider_id_is_refused_not_thrown()
    {
        var plan = Router().Route(Shot(5, Resolutions.P720), ["acme"]);

        Assert.Equal([new RouteRefusal("acme", null, "no adapter is registered")], plan.Refused);
    }

    [Theory]
    [InlineData(ProviderPolicies.Local, null, "local")]
    [InlineData(ProviderPolicies.Cheapest, null, "veo-gemini,gemini-omni,veo-vertex,runway,kling,replicate,xai,fal,local")]
    [InlineData(null, "sora,runway", "sora,runway")]
    public void A_policy_names_the_providers_it_may_route_to(string? name, string? listed, string expected)
    {
        var policy = new ProviderPolicyRequest { Name = name, Providers = listed?.Split(',') };

        Assert.Equal(expected.Split(','), Router().ProvidersFor(policy));
    }

    [Fact]
    public void The_router_is_registered_as_the_workflows_port() =>
        Assert.IsType<ModelRouter>(Build().GetRequiredService<IModelRouter>());

    public void Dispose() => _services?.Dispose();

    private static ShotRequirements Shot(int seconds, string resolution, string aspect = AspectRatios.Landscape) => new(seconds, resolution, aspect);

    private ModelRouter Router(Action<Dictionary<string, string?>>? configure = null) => Build(configure).GetRequiredService<ModelRouter>();

    private ServiceProvider Build(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Runway:ApiKey"] = "k",
            ["Providers:Kling:AccessKey"] = "a",
            ["Providers:Kling:SecretKey"] = "a-kling-secret-key-of-32-bytes!!",
            ["Providers:VeoGemini:ApiKey"] = "k",
            ["Providers:VeoVertex:ProjectId"] = "p",
            ["Providers:Sora:ApiKey"] = "k",
        };
        configure?.Invoke(settings);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddVideoProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services?.Dispose();
        _services = services.BuildServiceProvider();
        return _services;
    }
}
