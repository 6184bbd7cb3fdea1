using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ReplicateAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Replicate)
{
    private IVideoProvider Replicate => Provider;

    [Fact]
    public async Task A_prediction_is_polled_to_success_and_its_video_downloads_without_the_token()
    {
        var credentialed = Sim.CredentialedFileRequests;
        var submitted = await Replicate.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Replicate, submitted.TaskId!);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(26, submitted.TaskId!.Length);
        Assert.Equal(ProviderTaskState.Succeeded, status.State);
        await Await.AssertMp4Async(await Replicate.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
        Assert.Equal(credentialed, Sim.CredentialedFileRequests);
    }

    [Fact]
    public async Task A_signed_completion_webhook_is_authoritative_and_a_forged_one_is_rejected()
    {
        Behavior.ForgeCallbacks = true;
        var submitted = await Replicate.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline);

        var genuine = await Replicate.VerifyCallbackAsync(Callback(callbacks.Single(c => !c.Forged)), CancellationToken.None);
        var forged = await Replicate.VerifyCallbackAsync(Callback(callbacks.Single(c => c.Forged)), CancellationToken.None);

        Assert.Equal(CallbackTrust.Authoritative, genuine.Trust);
        Assert.Equal(ProviderTaskState.Succeeded, genuine.Status!.State);
        Assert.Single(genuine.Status.ResultUrls!);
        Assert.Equal(CallbackTrust.Rejected, forged.Trust);
    }

    [Fact]
    public async Task An_unsigned_webhook_is_rejected()
    {
        Behavior.SignCallbacks = false;
        var submitted = await Replicate.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline);

        var verdict = await Replicate.VerifyCallbackAsync(Callback(callbacks[0]), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
    }

    [Fact]
    public async Task Without_a_webhook_secret_every_webhook_is_rejected()
    {
        await using var harness = new ProviderHarness(Sim, s => s.Remove("Providers:Replicate:WebhookSecret"));
        var replicate = harness.Provider(ProviderIds.Replicate);
        var submitted = await replicate.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline);

        var verdict = await replicate.VerifyCallbackAsync(Callback(callbacks[0]), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("no webhook secret", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flagged_prediction_is_a_moderation_failure_carrying_replicates_reason()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Replicate.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Replicate, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Contains("(E005)", status.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_prediction_is_a_permanent_failure()
    {
        Behavior.FailureRate = 1;
        var submitted = await Replicate.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Replicate, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Permanent, status.Failure?.Kind);
    }

    [Fact]
    public async Task An_unknown_model_fails_as_unavailable_and_creates_nothing()
    {
        var tasks = Sim.TasksCreated(ProviderIds.Replicate);

        var submitted = await Replicate.SubmitAsync(Await.Request() with { Model = "acme/no-such-video-model" }, CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.True(submitted.Failure!.Is(ProviderFailureCodes.ModelUnavailable), submitted.Failure.Code);
        Assert.Equal(tasks, Sim.TasksCreated(ProviderIds.Replicate));
    }

    [Theory]
    [InlineData("google veo")]
    [InlineData("google/veo/3")]
    [InlineData("../v1/predictions")]
    public async Task A_model_that_is_not_owner_slash_name_is_refused_before_sending(string model)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.Replicate);

        var submitted = await Replicate.SubmitAsync(Await.Request() with { Model = model }, CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Replicate));
    }

    [Fact]
    public async Task A_lost_submit_response_ends_in_doubt_and_is_never_posted_again()
    {
        Behavior.LostSubmitResponses = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.Replicate);

        var submitted = await Replicate.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Replicate));
    }

    [Fact]
    public async Task A_throttled_submit_is_retried_and_accepted()
    {
        Behavior.RateLimitBurst = 2;
        Behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(40);
        Behavior.RetryAfter = RetryAfterMode.Milliseconds;

        Assert.True((await Replicate.SubmitAsync(Await.Request(), CancellationToken.None)).Accepted);
    }

    [Fact]
    public async Task A_length_the_model_cannot_make_is_sent_as_the_next_one_it_can_and_priced_as_billed()
    {
        var request = Await.Request() with { DurationSeconds = 5 };

        var submitted = await Replicate.SubmitAsync(request, CancellationToken.None);
        var estimate = Replicate.EstimatePrice(request);

        Assert.True(submitted.Accepted, submitted.Failure?.Message); // 5 s would be a 422: Veo takes 4, 6 or 8
        Assert.Equal((6, 0.90m), (estimate.BilledSeconds, estimate.TotalUsd));
    }
}
