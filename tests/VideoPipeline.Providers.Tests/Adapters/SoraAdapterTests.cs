using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SoraAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Sora)
{
    private IVideoProvider Sora => Provider;

    [Fact]
    public void Sora_is_marked_retired() => Assert.True(Sora.IsRetired);

    [Fact]
    public async Task Signed_completion_webhook_is_authoritative_and_content_downloads()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        Behavior.ForgeCallbacks = true;
        var submitted = await Sora.SubmitAsync(Await.Request(), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline);

        var genuine = await Sora.VerifyCallbackAsync(Callback(callbacks.Single(c => !c.Forged)), CancellationToken.None);
        var forged = await Sora.VerifyCallbackAsync(Callback(callbacks.Single(c => c.Forged)), CancellationToken.None);

        Assert.Equal(CallbackTrust.Authoritative, genuine.Trust);
        Assert.Equal(ProviderTaskState.Succeeded, genuine.Status!.State);
        Assert.Equal(CallbackTrust.Rejected, forged.Trust);
        await Await.AssertMp4Async(await Sora.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task Failed_by_moderation_is_a_permanent_moderation_failure()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Sora.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Sora, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Equal("moderation_blocked", status.Failure!.ProviderCode);
    }

    [Fact]
    public async Task Lost_submit_response_is_in_doubt_and_never_adopts_a_sibling_candidates_video()
    {
        // Two candidates of one shot share the prompt; a video object carries nothing that tells them apart.
        var prompt = $"a shared shot prompt {Guid.NewGuid():N}";
        var sibling = await Sora.SubmitAsync(Await.Request(prompt: prompt, seed: 1), CancellationToken.None);
        Assert.True(sibling.Accepted, sibling.Failure?.Message);
        Behavior.LostSubmitResponses = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.Sora);

        var submitted = await Sora.SubmitAsync(Await.Request(prompt: prompt, seed: 2), CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.NotEqual(sibling.TaskId, submitted.TaskId);
        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Sora));
    }

    [Fact]
    public async Task Retry_after_ms_is_honoured_on_submit()
    {
        Behavior.RateLimitBurst = 2;
        Behavior.RetryAfter = RetryAfterMode.Milliseconds;
        Behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(40);

        Assert.True((await Sora.SubmitAsync(Await.Request(), CancellationToken.None)).Accepted);
    }
}
