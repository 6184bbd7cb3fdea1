using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Providers.Kling;
using VideoPipeline.Providers.Runway;
using VideoPipeline.Providers.Sora;
using VideoPipeline.Providers.Veo;

namespace VideoPipeline.Providers.Tests;

/// <summary>A bad setting fails at start, naming the setting and never the secret in it.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Plain_http_base_url_is_refused_off_loopback()
    {
        var ex = Fails<RunwayOptions>(new() { ["Providers:Runway:BaseUrl"] = "http://api.example.com/" });

        Assert.Contains("Providers:Runway:BaseUrl must be https", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kling_keys_must_come_in_pairs()
    {
        var ex = Fails<KlingOptions>(new() { ["Providers:Kling:AccessKey"] = "ak-only" });

        Assert.Contains("Providers:Kling:AccessKey and Providers:Kling:SecretKey must be set together", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_webhook_secret_is_named_but_not_shown()
    {
        var ex = Fails<SoraOptions>(new() { ["Providers:Sora:WebhookSecret"] = "whsec_!!s3cr3t!!" });

        Assert.Contains("Providers:Sora:WebhookSecret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_webhooks_need_a_jwks_url() =>
        Assert.Contains("Providers:VeoGemini:WebhookJwksUrl is required", Fails<VeoGeminiOptions>(new() { ["Providers:VeoGemini:UseRequestWebhooks"] = "true" }).Message, StringComparison.Ordinal);

    [Fact]
    public void No_settings_at_all_is_valid_and_leaves_remote_providers_unconfigured()
    {
        using var services = Build([]);

        Assert.False(services.GetRequiredService<IOptions<RunwayOptions>>().Value.IsConfigured);
    }

    private static OptionsValidationException Fails<T>(Dictionary<string, string?> settings)
        where T : class
    {
        using var services = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<T>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddVideoProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
