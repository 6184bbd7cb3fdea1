using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

/// <summary>
/// Veo on the Gemini API and on Vertex AI take 4, 6 or 8 s and 16:9 or 9:16 only, and the Gemini API takes no seed:
/// the simulator refuses anything else, as the APIs do, so an adapter sending it fails here.
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VeoFidelityTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private readonly ProviderHarness _harness = new(fixture.Simulator);

    public static TheoryData<string, int> MakeableLengths()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in new[] { ProviderIds.VeoGemini, ProviderIds.VeoVertex })
        {
            foreach (var seconds in new[] { 1, 3, 4, 5, 6, 7, 8 })
            {
                data.Add(provider, seconds);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MakeableLengths))]
    public async Task A_length_up_to_8_s_is_sent_as_4_6_or_8_and_accepted(string providerId, int seconds)
    {
        var result = await _harness.Provider(providerId).SubmitAsync(Await.Request() with { DurationSeconds = seconds }, CancellationToken.None);

        Assert.True(result.Accepted, result.Failure?.Message);
    }

    [Theory]
    [InlineData(ProviderIds.VeoGemini, 9, AspectRatios.Landscape, "4,")]
    [InlineData(ProviderIds.VeoVertex, 12, AspectRatios.Landscape, "4,")]
    [InlineData(ProviderIds.VeoGemini, 8, AspectRatios.Square, "16:9")]
    [InlineData(ProviderIds.VeoVertex, 6, AspectRatios.Square, "16:9")]
    public async Task What_Veo_cannot_make_is_refused_with_the_reason_before_anything_is_sent(string providerId, int seconds, string aspect, string reason)
    {
        var submits = fixture.Simulator.SubmitsReceived(providerId);

        var result = await _harness.Provider(providerId).SubmitAsync(Await.Request() with { DurationSeconds = seconds, AspectRatio = aspect }, CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Unsupported, result.Failure?.Code);
        Assert.Contains(reason, result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(submits, fixture.Simulator.SubmitsReceived(providerId));
    }

    public Task InitializeAsync()
    {
        fixture.Reset(ProviderIds.VeoGemini);
        fixture.Reset(ProviderIds.VeoVertex);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
