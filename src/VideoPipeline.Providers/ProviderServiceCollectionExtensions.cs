using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Media;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Fal;
using VideoPipeline.Providers.Gemini;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Kling;
using VideoPipeline.Providers.Local;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Replicate;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Providers.Runway;
using VideoPipeline.Providers.Sora;
using VideoPipeline.Providers.Veo;
using VideoPipeline.Providers.Webhooks;
using VideoPipeline.Providers.Xai;

namespace VideoPipeline.Providers;

/// <summary>Registers every provider adapter, its options (validated at start), typed HttpClients and the price table.</summary>
public static class ProviderServiceCollectionExtensions
{
    public static IServiceCollection AddVideoProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProviderUpdateSink, NullProviderUpdateSink>();
        services.AddLogging();

        Bind<ProviderResilienceOptions, ProviderResilienceOptionsValidator>(services, configuration, ProviderResilienceOptions.SectionName);
        Bind<PriceTableOptions, PriceTableOptionsValidator>(services, configuration, PriceTableOptions.SectionName);
        Bind<LocalProviderOptions, LocalProviderOptionsValidator>(services, configuration, LocalProviderOptions.SectionName);
        services.AddOptions<FfmpegOptions>().Bind(configuration.GetSection(FfmpegOptions.SectionName));
        Bind<RunwayOptions, RunwayOptionsValidator>(services, configuration, RunwayOptions.SectionName);
        Bind<KlingOptions, KlingOptionsValidator>(services, configuration, KlingOptions.SectionName);
        Bind<VeoGeminiOptions, VeoGeminiOptionsValidator>(services, configuration, VeoGeminiOptions.SectionName);
        Bind<VeoVertexOptions, VeoVertexOptionsValidator>(services, configuration, VeoVertexOptions.SectionName);
        Bind<GeminiOmniOptions, GeminiOmniOptionsValidator>(services, configuration, GeminiOmniOptions.SectionName);

        // One Gemini API key serves the whole API: a deployment configured for the retired Veo models reaches Omni with it.
        services.PostConfigure<GeminiOmniOptions>(o => o.ApiKey = string.IsNullOrWhiteSpace(o.ApiKey) ? configuration[$"{VeoGeminiOptions.SectionName}:ApiKey"] : o.ApiKey);
        Bind<SoraOptions, SoraOptionsValidator>(services, configuration, SoraOptions.SectionName);
        Bind<ReplicateOptions, ReplicateOptionsValidator>(services, configuration, ReplicateOptions.SectionName);
        Bind<XaiOptions, XaiOptionsValidator>(services, configuration, XaiOptions.SectionName);
        Bind<FalOptions, FalOptionsValidator>(services, configuration, FalOptions.SectionName);

        services.AddSingleton<PriceTable>();
        services.AddHttpClient<ResultDownloader>(ResultDownloader.HttpClientName)
            .WithoutRedirects() // the downloader follows redirects by hand, checking every hop against the allow-list
            .AddProviderResilience();

        // API clients never follow redirects: a redirect would carry the key (x-goog-api-key and friends) to another host.
        services.AddHttpClient<RunwayProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<KlingProvider>().WithoutRedirects().AddProviderResilience(KlingProvider.IsPermanentRefusalAsync);
        services.AddHttpClient<VeoGeminiProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<VeoVertexProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<GeminiOmniProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<SoraProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<ReplicateProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<XaiProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient<FalProvider>().WithoutRedirects().AddProviderResilience();
        services.AddHttpClient(nameof(JwksCache)).WithoutRedirects().AddProviderResilience();
        // Null unless per-request webhooks are configured; VeoGeminiProvider takes it as optional.
        services.TryAddSingleton(sp => RequestWebhookVerifier(sp, sp.GetRequiredService<IOptions<VeoGeminiOptions>>().Value)!);
        services.TryAddSingleton(sp => new GeminiOmniRequestWebhooks(RequestWebhookVerifier(sp, sp.GetRequiredService<IOptions<GeminiOmniOptions>>().Value)));
        // fal's webhook keys: one cache per process, so the refresh floor holds across every webhook.
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<FalOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var cache = new JwksCache(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksCache)), o.WebhookJwksUrl, time, FalWebhookVerifier.KeyLifetime,
                JwksCache.DefaultMinRefreshInterval, o.BodyTimeout);
            return new FalWebhookVerifier(cache, time, o.WebhookTolerance);
        });
        services.AddSingleton<LocalProvider>();

        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<LocalProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<RunwayProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<KlingProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<VeoGeminiProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<VeoVertexProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<GeminiOmniProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<SoraProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<ReplicateProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<XaiProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<FalProvider>());
        services.AddSingleton<ProviderCatalog>();
        services.AddSingleton<ModelAvailability>();
        services.AddSingleton<ModelRouter>();
        services.AddSingleton<IModelRouter>(sp => sp.GetRequiredService<ModelRouter>());
        return services;
    }

    /// <summary>The verifier of a Gemini API section's per-request webhook JWTs (its own JWKS cache), or null without a JWKS URL.</summary>
    private static JwksWebhookVerifier? RequestWebhookVerifier(IServiceProvider sp, GeminiApiOptions o)
    {
        if (o.WebhookJwksUrl is null)
        {
            return null;
        }

        var time = sp.GetRequiredService<TimeProvider>();
        var cache = new JwksCache(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksCache)), o.WebhookJwksUrl, time, TimeSpan.FromHours(1),
            JwksCache.DefaultMinRefreshInterval, o.BodyTimeout);
        return new JwksWebhookVerifier(cache, time, o.WebhookJwtIssuer, o.WebhookJwtAudience!); // the validator requires an audience with a JWKS
    }

    private static void Bind<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private static IHttpClientBuilder WithoutRedirects(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
}
