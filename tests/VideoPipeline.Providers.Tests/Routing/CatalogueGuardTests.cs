using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Tests.Routing;

/// <summary>
/// The adapters' own last line: a request the catalogue says the model cannot make is refused before anything is
/// sent. The adapters point at their public endpoints here, which these tests never reach: a refusal comes back at
/// once, while a request that got through would fail as unreachable or unauthorized instead.
/// </summary>
public sealed class CatalogueGuardTests : IDisposable
{
    private readonly ServiceProvider _services;

    public CatalogueGuardTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Runway:ApiKey"] = "k",
            ["Providers:Sora:ApiKey"] = "k",
            ["Providers:VeoGemini:ApiKey"] = "k",
            ["Providers:Kling:AccessKey"] = "a",
            ["Providers:Kling:SecretKey"] = "test-kling-secret-key-of-32-bytes!",
            ["Providers:Resilience:MaxRetries"] = "0",
        };
        var services = new ServiceCollection();
        services.AddVideoProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(ProviderIds.Sora, null, null, "retired 2026-09-24")]
    [InlineData(ProviderIds.VeoGemini, "veo-3.1-generate-preview", null, "retired 2026-10-22")]
    public async Task A_retired_model_is_refused_as_unavailable_before_sending(string providerId, string? model, string? mode, string reason)
    {
        var result = await Submit(providerId, Request(model, mode));

        Assert.True(result.Failure!.Is(ProviderFailureCodes.ModelUnavailable), result.Failure.Code);
        Assert.Contains(reason, result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProviderIds.Runway, "gen4.5", null, "1080p", "16:9", "720p only")]
    [InlineData(ProviderIds.Kling, "kling-v2-1-master", "std", "1080p", "16:9", "720p only")]
    [InlineData(ProviderIds.Runway, "gen4.5", null, "720p", "1:1", "not 1:1")]
    public async Task A_size_the_model_does_not_make_is_refused_before_sending(string providerId, string model, string? mode, string resolution, string aspect, string reason)
    {
        var result = await Submit(providerId, Request(model, mode) with { Resolution = resolution, AspectRatio = aspect });

        Assert.True(result.Failure!.Is(ProviderFailureCodes.Unsupported), result.Failure.Code);
        Assert.Contains(reason, result.Failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private static SubmissionRequest Request(string? model, string? mode) =>
        new("job-1:s0:c0", "a paper boat", 5, AspectRatios.Landscape, Resolutions.P720, 7, Model: model, Mode: mode);

    private Task<SubmissionResult> Submit(string providerId, SubmissionRequest request) =>
        _services.GetRequiredService<ProviderCatalog>().Get(providerId).SubmitAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
}
