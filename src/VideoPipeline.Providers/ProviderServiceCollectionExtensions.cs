using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Media;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Http;
using VideoPipeline.Providers.Kling;
using VideoPipeline.Providers.Local;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Routing;
using VideoPipeline.Providers.Runway;
using VideoPipeline.Providers.Sora;
using VideoPipeline.Providers.Veo;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers;

/// <summary>Registers every provider adapter, its options (validated at start), typed HttpClients and the price table.</summary>
public static class ProviderServiceCollectionExtensions
{
    public static IServiceCollection AddVideoProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProviderUpdateSink, NullProviderUpdateSink>();
        services.AddLogging();

        Bind<ProviderResilienceOptions>(services, configuration, ProviderResilienceOptions.SectionName, o => o.Problems());
        Bind<PriceTableOptions>(services, configuration, PriceTableOptions.SectionName, o => o.Problems());
        Bind<LocalProviderOptions>(services, configuration, LocalProviderOptions.SectionName, o => o.Problems());
        services.AddOptions<FfmpegOptions>().Bind(configuration.GetSection(FfmpegOptions.SectionName));
        Bind<RunwayOptions>(services, configuration, RunwayOptions.SectionName, o => o.CommonProblems(RunwayOptions.SectionName));
        Bind<KlingOptions>(services, configuration, KlingOptions.SectionName, KlingProblems);
        Bind<VeoGeminiOptions>(services, configuration, VeoGeminiOptions.SectionName, VeoGeminiProblems);
        Bind<VeoVertexOptions>(services, configuration, VeoVertexOptions.SectionName, o => o.CommonProblems(VeoVertexOptions.SectionName));
        Bind<SoraOptions>(services, configuration, SoraOptions.SectionName,
            o => o.CommonProblems(SoraOptions.SectionName).Concat(SecretProblems(SoraOptions.SectionName, o.WebhookSecret)));

        services.AddSingleton<PriceTable>();
        services.AddHttpClient<ResultDownloader>(ResultDownloader.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }) // every hop is checked against the allow-list
            .AddProviderResilience();

        services.AddHttpClient<RunwayProvider>().AddProviderResilience();
        services.AddHttpClient<KlingProvider>().AddProviderResilience();
        services.AddHttpClient<VeoGeminiProvider>().AddProviderResilience();
        services.AddHttpClient<VeoVertexProvider>().AddProviderResilience();
        services.AddHttpClient<SoraProvider>().AddProviderResilience();
        services.AddHttpClient(nameof(JwksCache)).AddProviderResilience();
        // Null unless per-request webhooks are configured; VeoGeminiProvider takes it as optional.
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VeoGeminiOptions>>().Value;
            if (o.WebhookJwksUrl is null)
            {
                return null!;
            }

            var time = sp.GetRequiredService<TimeProvider>();
            var cache = new JwksCache(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksCache)), o.WebhookJwksUrl, time, TimeSpan.FromHours(1));
            return new JwksWebhookVerifier(cache, time, o.WebhookJwtIssuer, o.WebhookJwtAudience);
        });
        services.AddSingleton<LocalProvider>();

        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<LocalProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<RunwayProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<KlingProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<VeoGeminiProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<VeoVertexProvider>());
        services.AddTransient<IVideoProvider>(sp => sp.GetRequiredService<SoraProvider>());
        services.AddSingleton<ProviderCatalog>();
        services.AddSingleton<ModelAvailability>();
        services.AddSingleton<ModelRouter>();
        services.AddSingleton<IModelRouter>(sp => sp.GetRequiredService<ModelRouter>());
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new OptionsProblemsValidator<T>(problems));
    }

    private static IEnumerable<string> KlingProblems(KlingOptions o)
    {
        foreach (var problem in o.CommonProblems(KlingOptions.SectionName))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(o.AccessKey) != string.IsNullOrWhiteSpace(o.SecretKey))
        {
            yield return $"{KlingOptions.SectionName}:AccessKey and {KlingOptions.SectionName}:SecretKey must be set together";
        }

        if (o.Mode is not ("std" or "pro"))
        {
            yield return $"{KlingOptions.SectionName}:Mode must be 'std' or 'pro'; got '{o.Mode}'";
        }
    }

    private static IEnumerable<string> VeoGeminiProblems(VeoGeminiOptions o)
    {
        foreach (var problem in o.CommonProblems(VeoGeminiOptions.SectionName).Concat(SecretProblems(VeoGeminiOptions.SectionName, o.WebhookSecret)))
        {
            yield return problem;
        }

        if (o.UseRequestWebhooks && o.WebhookJwksUrl is null)
        {
            yield return $"{VeoGeminiOptions.SectionName}:WebhookJwksUrl is required when {VeoGeminiOptions.SectionName}:UseRequestWebhooks is true";
        }

        if (o.WebhookJwksUrl is { } jwks && jwks.Scheme != Uri.UriSchemeHttps && !(o.AllowLoopbackForTesting && jwks.IsLoopback))
        {
            yield return $"{VeoGeminiOptions.SectionName}:WebhookJwksUrl must be https";
        }
    }

    private static IEnumerable<string> SecretProblems(string section, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            StandardWebhookVerifier.ParseSecret(secret);
        }
        catch (FormatException ex)
        {
            problem = $"{section}:WebhookSecret is not valid: {ex.Message}"; // the message never contains the secret
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }
}
