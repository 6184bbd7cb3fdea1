using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Providers.Fal;
using VideoPipeline.Providers.Gemini;
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

    [Theory]
    [InlineData("short")]
    [InlineData("thirty-one-bytes-is-still-short")]
    public void A_Kling_secret_HS256_cannot_sign_with_fails_at_start_naming_the_setting(string secret)
    {
        var ex = Fails<KlingOptions>(new() { ["Providers:Kling:AccessKey"] = "ak", ["Providers:Kling:SecretKey"] = secret });

        Assert.Contains("Providers:Kling:SecretKey must be at least 32 bytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_jwks_without_an_audience_fails_at_start() =>
        Assert.Contains(
            "Providers:VeoGemini:WebhookJwtAudience is required",
            Fails<VeoGeminiOptions>(new() { ["Providers:VeoGemini:WebhookJwksUrl"] = "https://www.googleapis.com/oauth2/v3/certs" }).Message,
            StringComparison.Ordinal);

    [Fact]
    public void The_webhook_jwt_issuer_is_checked_by_default() =>
        Assert.Equal(GeminiApiOptions.DefaultWebhookJwtIssuer, new VeoGeminiOptions().WebhookJwtIssuer);

    [Theory]
    [InlineData("evil.example/x")]
    [InlineData("US-CENTRAL1")]
    public void A_Vertex_region_that_is_not_a_region_fails_at_start(string location) =>
        Assert.Contains("Providers:VeoVertex:Location must be a region", Fails<VeoVertexOptions>(new() { ["Providers:VeoVertex:Location"] = location }).Message, StringComparison.Ordinal);

    [Fact]
    public void A_short_or_odd_Kling_callback_token_fails_at_start() =>
        Assert.Contains("Providers:Kling:CallbackToken", Fails<KlingOptions>(new() { ["Providers:Kling:CallbackToken"] = "a/b" }).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Providers:Fal:Model", "veo3.1", "Providers:Fal:Model must be a fal endpoint id")]
    [InlineData("Providers:Fal:Model", "fal-ai/../x", "Providers:Fal:Model must be a fal endpoint id")]
    [InlineData("Providers:Fal:ApiKey", "id:se cret", "Providers:Fal:ApiKey must not contain spaces")]
    [InlineData("Providers:Fal:WebhookJwksUrl", "http://rest.alpha.fal.ai/.well-known/jwks.json", "Providers:Fal:WebhookJwksUrl must be https")]
    [InlineData("Providers:Fal:WebhookJwksUrl", "/jwks.json", "Providers:Fal:WebhookJwksUrl must be an absolute URL")]
    [InlineData("Providers:Fal:WebhookUserId", "user id", "Providers:Fal:WebhookUserId must be fal's user id")]
    [InlineData("Providers:Fal:WebhookTolerance", "00:00:00", "Providers:Fal:WebhookTolerance must be more than 0")]
    [InlineData("Providers:Fal:BaseUrl", "http://queue.fal.run/", "Providers:Fal:BaseUrl must be https")]
    public void A_bad_fal_setting_fails_at_start_naming_it_but_never_the_key(string key, string value, string expected)
    {
        var ex = Fails<FalOptions>(new() { [key] = value });

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("se cret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Providers:GeminiOmni:BaseUrl", "http://generativelanguage.example.com/", "Providers:GeminiOmni:BaseUrl must be https")]
    [InlineData("Providers:GeminiOmni:UseRequestWebhooks", "true", "Providers:GeminiOmni:WebhookJwksUrl is required")]
    [InlineData("Providers:GeminiOmni:WebhookJwksUrl", "https://www.googleapis.com/oauth2/v3/certs", "Providers:GeminiOmni:WebhookJwtAudience is required")]
    [InlineData("Providers:GeminiOmni:WebhookJwksUrl", "http://keys.example.com/jwks.json", "Providers:GeminiOmni:WebhookJwksUrl must be an absolute https URL")]
    [InlineData("Providers:GeminiOmni:WebhookSecret", "whsec_!!not-base64!!", "Providers:GeminiOmni:WebhookSecret is not valid")]
    [InlineData("Providers:GeminiOmni:Model", " ", "Providers:GeminiOmni:Model must not be empty")]
    [InlineData("Providers:GeminiOmni:BodyTimeout", "00:00:00", "Providers:GeminiOmni:BodyTimeout must be more than 0")]
    public void A_bad_Gemini_Omni_setting_fails_at_start_naming_it(string key, string value, string message) =>
        Assert.Contains(message, Fails<GeminiOmniOptions>(new() { [key] = value }).Message, StringComparison.Ordinal);

    [Fact]
    public void Gemini_Omni_defaults_to_Omni_Flash_1_1_and_takes_the_Gemini_API_key_of_the_Veo_section()
    {
        using var services = Build(new() { ["Providers:VeoGemini:ApiKey"] = "the-gemini-key" });

        var options = services.GetRequiredService<IOptions<GeminiOmniOptions>>().Value;

        Assert.Equal(("gemini-omni-1.1-flash", "the-gemini-key", true), (options.Model, options.ApiKey, options.IsConfigured));
        Assert.Equal(GeminiApiOptions.DefaultWebhookJwtIssuer, options.WebhookJwtIssuer);
    }

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
