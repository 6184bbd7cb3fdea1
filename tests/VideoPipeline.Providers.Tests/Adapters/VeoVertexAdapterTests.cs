using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VeoVertexAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.VeoVertex)
{
    private IVideoProvider Vertex => Provider;

    [Fact]
    public async Task Candidate_succeeds_with_the_video_inline()
    {
        Behavior.RateLimitBurst = 1;
        Behavior.RetryAfter = RetryAfterMode.Milliseconds;
        Behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(30);
        await using var patient = Patient(); // the inline video is a large JSON body: under load it can outlast 2 s
        var vertex = patient.Provider(ProviderIds.VeoVertex);

        var submitted = await vertex.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(vertex, submitted.TaskId!)).State);
        await Await.AssertMp4Async(await vertex.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task Filtered_samples_are_moderation()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Vertex.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.Moderation, (await Await.TerminalAsync(Vertex, submitted.TaskId!)).Failure?.Kind);
    }

    [Fact]
    public async Task Lost_submit_response_is_in_doubt()
    {
        Behavior.LostSubmitResponses = 1;

        Assert.Equal(ProviderFailureKind.InDoubt, (await Vertex.SubmitAsync(Await.Request(), CancellationToken.None)).Failure?.Kind);
    }
}
