using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VeoVertexAdapterTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private readonly ProviderHarness _harness = new(fixture.Simulator);
    private SimulatedProviderBehavior _behavior = null!;

    private IVideoProvider Vertex => _harness.Provider(ProviderIds.VeoVertex);

    public Task InitializeAsync()
    {
        _behavior = fixture.Reset(ProviderIds.VeoVertex);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Candidate_succeeds_with_the_video_inline()
    {
        _behavior.RateLimitBurst = 1;
        _behavior.RetryAfter = RetryAfterMode.Milliseconds;
        _behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(30);

        var submitted = await Vertex.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(Vertex, submitted.TaskId!)).State);
        await Await.AssertMp4Async(await Vertex.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task Filtered_samples_are_moderation()
    {
        _behavior.ModerationRate = 1;
        var submitted = await Vertex.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.Moderation, (await Await.TerminalAsync(Vertex, submitted.TaskId!)).Failure?.Kind);
    }

    [Fact]
    public async Task Lost_submit_response_is_in_doubt()
    {
        _behavior.LostSubmitResponses = 1;

        Assert.Equal(ProviderFailureKind.InDoubt, (await Vertex.SubmitAsync(Await.Request(), CancellationToken.None)).Failure?.Kind);
    }
}
