using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class XaiAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Xai)
{
    private IVideoProvider Xai => Provider;

    [Fact]
    public async Task A_request_is_polled_through_pending_and_an_empty_202_to_done_and_its_video_downloads_without_the_key()
    {
        Behavior.LatencyMin = Behavior.LatencyMax = TimeSpan.FromMilliseconds(600);
        var credentialed = Sim.CredentialedFileRequests;
        var submitted = await Xai.SubmitAsync(Await.Request(), CancellationToken.None);
        var seen = new List<ProviderTaskState>();

        var status = await Eventually.ValueAsync(
            async () =>
            {
                var s = await Xai.GetStatusAsync(submitted.TaskId!, CancellationToken.None);
                seen.Add(s.State);
                return s;
            },
            s => s.IsTerminal, "xai request", Await.Deadline);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(ProviderTaskState.Succeeded, status.State);
        Assert.Contains(ProviderTaskState.Running, seen);
        await Await.AssertMp4Async(await Xai.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
        Assert.Equal(credentialed, Sim.CredentialedFileRequests);
    }

    [Fact]
    public async Task A_video_blocked_by_moderation_is_a_moderation_failure()
    {
        Behavior.ModerationRate = 1;
        await using var harness = Patient();
        var xai = harness.Provider(ProviderIds.Xai);
        var submitted = await xai.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, $"{submitted.Failure?.Code}: {submitted.Failure?.Message}");
        var status = await Await.TerminalAsync(xai, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Equal("respect_moderation", status.Failure!.ProviderCode);
    }

    [Fact]
    public async Task A_failed_request_is_a_failure_with_xais_reason()
    {
        Behavior.FailureRate = 1;
        await using var harness = Patient();
        var xai = harness.Provider(ProviderIds.Xai);
        var submitted = await xai.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, $"{submitted.Failure?.Code}: {submitted.Failure?.Message}");
        var status = await Await.TerminalAsync(xai, submitted.TaskId!);

        Assert.True(status.Failure!.Is(ProviderFailureCodes.TaskFailed));
        Assert.Contains("Video generation failed", status.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_unavailable_and_creates_nothing()
    {
        var tasks = Sim.TasksCreated(ProviderIds.Xai);

        var submitted = await Xai.SubmitAsync(Await.Request() with { Model = "grok-imagine-video-9" }, CancellationToken.None);

        Assert.True(submitted.Failure!.Is(ProviderFailureCodes.ModelUnavailable), submitted.Failure.Code);
        Assert.Equal(tasks, Sim.TasksCreated(ProviderIds.Xai));
    }

    [Theory]
    [InlineData(16, "1080p")]
    [InlineData(5, "1080p", "grok-imagine-video")] // the first model makes 720p at most
    public async Task A_request_the_model_cannot_make_is_refused_before_anything_is_sent(int seconds, string resolution, string? model = null)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.Xai);

        var submitted = await Xai.SubmitAsync(Await.Request() with { DurationSeconds = seconds, Resolution = resolution, Model = model }, CancellationToken.None);

        Assert.True(submitted.Failure!.Is(ProviderFailureCodes.Unsupported), submitted.Failure.Code);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Xai));
    }

    [Fact]
    public async Task A_lost_submit_response_ends_in_doubt_and_is_never_posted_again()
    {
        Behavior.LostSubmitResponses = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.Xai);

        var submitted = await Xai.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Xai));
    }

    [Fact]
    public async Task Callbacks_are_refused_since_xai_sends_none() =>
        Assert.Equal(CallbackTrust.Rejected, (await Xai.VerifyCallbackAsync(new ProviderCallback(new Dictionary<string, string>(), "{}"u8.ToArray()), CancellationToken.None)).Trust);

    [Fact]
    public void A_1080p_clip_is_priced_at_the_1080p_rate() =>
        Assert.Equal(1.25m, Xai.EstimatePrice(Await.Request() with { DurationSeconds = 5, Resolution = "1080p" }).TotalUsd);
}
