using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Veo;
using VideoPipeline.Simulator;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>The real DI registration, configured the way a user points a deployment at the simulator.</summary>
public sealed class ProviderHarness : IAsyncDisposable
{
    public const string KlingCallbackToken = "kling-route-token-0123456789";

    private readonly ServiceProvider _services;

    public ProviderHarness(
        ProviderSimulator simulator,
        Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? time = null,
        IProviderUpdateSink? sink = null,
        ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Resilience:BaseDelay"] = "00:00:00.020",
            ["Providers:Resilience:MaxDelay"] = "00:00:05",
            ["Providers:Resilience:AttemptTimeout"] = "00:00:02",
            ["Providers:Runway:ApiKey"] = "test-runway-key",
            ["Providers:Kling:AccessKey"] = "test-access-key",
            ["Providers:Kling:SecretKey"] = "test-kling-secret-key-of-32-bytes!",
            ["Providers:Kling:CallbackToken"] = KlingCallbackToken,
            ["Providers:VeoGemini:ApiKey"] = "test-gemini-key",
            ["Providers:VeoGemini:WebhookSecret"] = simulator.WebhookSecret,
            ["Providers:GeminiOmni:WebhookSecret"] = simulator.WebhookSecret, // its ApiKey is VeoGemini's: one Gemini API key
            ["Providers:VeoVertex:ProjectId"] = "test-project",
            ["Providers:Sora:ApiKey"] = "test-openai-key",
            ["Providers:Sora:WebhookSecret"] = simulator.WebhookSecret,
            ["Providers:Replicate:ApiToken"] = "test-replicate-token",
            ["Providers:Replicate:WebhookSecret"] = simulator.WebhookSecret,
            ["Providers:Xai:ApiKey"] = "test-xai-key",
            ["Providers:Fal:ApiKey"] = "test-fal-key-id:test-fal-key-secret",
            ["Providers:Fal:WebhookJwksUrl"] = simulator.FalJwksUrl.ToString(),
            ["Providers:Fal:WebhookUserId"] = simulator.FalUserId,
        };
        foreach (var (section, id) in new[] { ("Runway", ProviderIds.Runway), ("Kling", ProviderIds.Kling), ("VeoGemini", ProviderIds.VeoGemini), ("GeminiOmni", ProviderIds.GeminiOmni), ("VeoVertex", ProviderIds.VeoVertex), ("Sora", ProviderIds.Sora), ("Replicate", ProviderIds.Replicate), ("Xai", ProviderIds.Xai), ("Fal", ProviderIds.Fal) })
        {
            settings[$"Providers:{section}:BaseUrl"] = simulator.BaseUrlFor(id).ToString();
            settings[$"Providers:{section}:AllowLoopbackForTesting"] = "true";
        }

        configure?.Invoke(settings);
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (sink is not null)
        {
            services.AddSingleton(sink);
        }

        if (logs is not null)
        {
            services.AddLogging(builder => builder.AddProvider(logs));
        }

        services.TryAddSingleton<IGoogleAccessTokenProvider>(new FixedGoogleToken());
        services.AddVideoProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public IServiceProvider Services => _services;

    public IVideoProvider Provider(string id) => _services.GetRequiredService<ProviderCatalog>().Get(id);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class FixedGoogleToken : IGoogleAccessTokenProvider
    {
        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult("test-google-token");
    }
}
