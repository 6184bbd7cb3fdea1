using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Providers.Webhooks;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class FalAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Fal)
{
    private const string Kling = "fal-ai/kling-video/v2.1/master/text-to-video";

    private IVideoProvider Fal => Provider;

    [Fact]
    public async Task A_queued_request_is_polled_to_success_and_its_video_downloads_without_the_key()
    {
        var credentialed = Sim.CredentialedFileRequests;
        var submitted = await Fal.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Fal, submitted.TaskId!);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.True(Guid.TryParse(submitted.TaskId, out _), submitted.TaskId);
        Assert.Equal(ProviderTaskState.Succeeded, status.State);
        await Await.AssertMp4Async(await Fal.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
        Assert.Equal(credentialed, Sim.CredentialedFileRequests);
    }

    [Fact]
    public async Task A_request_of_a_model_under_another_app_is_found_by_its_id_alone()
    {
        var submitted = await Fal.SubmitAsync(Await.Request() with { Model = Kling, Resolution = Resolutions.P1080 }, CancellationToken.None);

        var status = await Await.TerminalAsync(Fal, submitted.TaskId!);

        Assert.True(submitted.Accepted, submitted.Failure?.Message); // sent as "5": Kling on fal takes "5" or "10"
        Assert.Equal(ProviderTaskState.Succeeded, status.State);
    }

    [Fact]
    public async Task A_signed_webhook_is_authoritative_and_a_forged_one_is_only_a_hint()
    {
        Behavior.ForgeCallbacks = true;
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline);

        var genuine = await Fal.VerifyCallbackAsync(Callback(callbacks.Single(c => !c.Forged)), CancellationToken.None);
        var forged = await Fal.VerifyCallbackAsync(Callback(callbacks.Single(c => c.Forged)), CancellationToken.None);

        Assert.Equal(CallbackTrust.Authoritative, genuine.Trust);
        Assert.Equal(ProviderTaskState.Succeeded, genuine.Status!.State);
        Assert.Single(genuine.Status.ResultUrls!);
        Assert.Equal((CallbackTrust.Hint, submitted.TaskId), (forged.Trust, forged.TaskId));
        Assert.Null(forged.Status);
    }

    [Fact]
    public async Task An_unsigned_webhook_is_a_hint_for_one_status_read()
    {
        Behavior.SignCallbacks = false;
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline);
        var reads = Sim.RequestsReceived(ProviderIds.Fal);

        var applied = await CallbackHandling.ApplyAsync(
            Fal, new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Queued, DateTimeOffset.UtcNow, null, null, null), Callback(callbacks[0]), CancellationToken.None);

        Assert.Equal(ProviderTaskState.Succeeded, applied.State);
        Assert.Equal(reads + 2, Sim.RequestsReceived(ProviderIds.Fal)); // its status, then its result: our own read, not the webhook's word
    }

    [Fact]
    public async Task A_signed_webhook_is_applied_without_a_status_read()
    {
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline);
        var reads = Sim.RequestsReceived(ProviderIds.Fal);

        var applied = await CallbackHandling.ApplyAsync(
            Fal, new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Queued, DateTimeOffset.UtcNow, null, null, null), Callback(callbacks[0]), CancellationToken.None);

        Assert.Equal(ProviderTaskState.Succeeded, applied.State);
        Assert.Equal(reads, Sim.RequestsReceived(ProviderIds.Fal));
        await Await.AssertMp4Async(await Fal.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task A_webhook_body_changed_after_signing_is_not_believed()
    {
        Behavior.FailureRate = 1;
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        var flipped = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Body).Replace("\"ERROR\"", "\"OK\"", StringComparison.Ordinal));

        var verdict = await Fal.VerifyCallbackAsync(new ProviderCallback(genuine.Headers, flipped), CancellationToken.None);

        Assert.NotEqual(CallbackTrust.Authoritative, verdict.Trust);
    }

    [Fact]
    public async Task A_replayed_webhook_outside_the_tolerance_is_not_believed()
    {
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(6));
        await using var harness = new ProviderHarness(Sim, time: later);

        var verdict = await harness.Provider(ProviderIds.Fal).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);
        var now = await Fal.VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Hint, verdict.Trust);
        Assert.Equal(CallbackTrust.Authoritative, now.Trust); // the same delivery, in time
    }

    [Fact]
    public async Task A_webhook_signed_by_an_unpublished_key_cannot_make_us_download_fals_keys_again_and_again()
    {
        Behavior.ForgeCallbacks = true;
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var forged = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline)).Single(c => c.Forged);
        var keys = Harness.Services.GetRequiredService<FalWebhookVerifier>();

        for (var i = 0; i < 50; i++)
        {
            Assert.NotEqual(CallbackTrust.Authoritative, (await Fal.VerifyCallbackAsync(Callback(forged), CancellationToken.None)).Trust);
        }

        Assert.Equal(2, keys.KeyDownloads); // the first fetch, then one forced refresh per refresh interval
    }

    [Fact]
    public async Task A_signed_webhook_for_another_fal_account_is_rejected()
    {
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        await using var harness = new ProviderHarness(Sim, s => s["Providers:Fal:WebhookUserId"] = "someone-else");

        var verdict = await harness.Provider(ProviderIds.Fal).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("another fal account", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_our_fal_user_id_a_signed_webhook_is_only_a_hint()
    {
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        await using var harness = new ProviderHarness(Sim, s => s.Remove("Providers:Fal:WebhookUserId"));

        var verdict = await harness.Provider(ProviderIds.Fal).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Hint, verdict.Trust);
    }

    [Fact]
    public async Task An_erroring_key_endpoint_makes_a_webhook_a_hint_not_an_exception()
    {
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        await using var harness = new ProviderHarness(Sim, s => s["Providers:Fal:WebhookJwksUrl"] = new Uri(Sim.BaseUrl, "fal-rest/no-such-jwks.json").ToString());

        var verdict = await harness.Provider(ProviderIds.Fal).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Hint, verdict.Trust);
    }

    [Fact]
    public async Task A_moderated_request_is_a_moderation_failure_in_its_status_and_its_webhook()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Fal.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);

        var status = await Await.TerminalAsync(Fal, submitted.TaskId!);
        var webhook = await Fal.VerifyCallbackAsync(Callback((await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0]), CancellationToken.None);

        Assert.Equal((ProviderFailureKind.Moderation, "content_policy_violation"), (status.Failure?.Kind, status.Failure?.ProviderCode));
        Assert.Equal(ProviderFailureKind.Moderation, webhook.Status?.Failure?.Kind);
    }

    [Fact]
    public async Task A_failed_request_is_a_permanent_task_failure_with_fals_error_type()
    {
        Behavior.FailureRate = 1;
        var submitted = await Fal.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Fal, submitted.TaskId!);

        Assert.Equal((ProviderFailureKind.Permanent, ProviderFailureCodes.TaskFailed, "runner_server_error"), (status.Failure?.Kind, status.Failure?.Code, status.Failure?.ProviderCode));
    }

    [Fact]
    public async Task An_unknown_model_fails_as_unavailable_and_creates_nothing()
    {
        var tasks = Sim.TasksCreated(ProviderIds.Fal);

        var submitted = await Fal.SubmitAsync(Await.Request() with { Model = "fal-ai/veo3.1/no-such-variant" }, CancellationToken.None);

        Assert.True(submitted.Failure!.Is(ProviderFailureCodes.ModelUnavailable), submitted.Failure.Code);
        Assert.Equal(tasks, Sim.TasksCreated(ProviderIds.Fal));
    }

    [Fact]
    public async Task Input_fal_refuses_is_a_rejection_carrying_fals_error_type()
    {
        await using var harness = new ProviderHarness(Sim);
        var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sim.BaseUrlFor(ProviderIds.Fal), "fal-ai/veo3.1"))
        {
            Content = new StringContent("""{"prompt":"x","duration":"5s"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Key id:secret");

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(422, (int)response.StatusCode); // the simulator refuses what fal refuses: 5 s is not a Veo length
        Assert.Equal("literal_error", body!["detail"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("veo3.1")]
    [InlineData("fal-ai/../requests")]
    [InlineData("fal-ai/flux/dev")]
    public async Task A_model_that_is_not_a_known_fal_endpoint_is_refused_before_sending(string model)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.Fal);

        var submitted = await Fal.SubmitAsync(Await.Request() with { Model = model }, CancellationToken.None);

        Assert.True(submitted.Failure!.Is(ProviderFailureCodes.Unsupported), submitted.Failure.Code);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Fal));
    }

    [Fact]
    public async Task A_lost_submit_response_ends_in_doubt_and_is_never_posted_again()
    {
        Behavior.LostSubmitResponses = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.Fal);

        var submitted = await Fal.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Fal));
    }

    [Fact]
    public async Task A_throttled_submit_is_retried_after_retry_after_and_accepted()
    {
        Behavior.RateLimitBurst = 2;
        Behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(40);
        Behavior.RetryAfter = RetryAfterMode.Milliseconds;

        Assert.True((await Fal.SubmitAsync(Await.Request(), CancellationToken.None)).Accepted);
    }

    [Fact]
    public async Task A_key_fal_does_not_know_is_unauthorized_and_creates_nothing()
    {
        await using var harness = new ProviderHarness(Sim, s => s["Providers:Fal:ApiKey"] = "not-a-fal-key");
        var tasks = Sim.TasksCreated(ProviderIds.Fal);

        var refused = await harness.Provider(ProviderIds.Fal).SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(refused.Failure!.Is(ProviderFailureCodes.Unauthorized), refused.Failure.Code);
        Assert.Equal(tasks, Sim.TasksCreated(ProviderIds.Fal));
    }

    [Fact]
    public async Task An_expired_result_url_is_refreshed_once_with_a_status_read()
    {
        Behavior.ExpiredResultUrls = 1;
        var submitted = await Fal.SubmitAsync(Await.Request(), CancellationToken.None);
        await Await.TerminalAsync(Fal, submitted.TaskId!); // this read took the expired URL

        Behavior.ExpiredResultUrls = 1;
        await Await.AssertMp4Async(await Fal.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task A_status_read_of_an_id_that_is_not_a_fal_request_id_never_reaches_the_network()
    {
        var reads = Sim.RequestsReceived(ProviderIds.Fal);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Fal.GetStatusAsync("../../v1/secrets", CancellationToken.None));

        Assert.True(ex.Failure.Is(ProviderFailureCodes.NotFound), ex.Failure.Code);
        Assert.Equal(reads, Sim.RequestsReceived(ProviderIds.Fal));
    }

    [Fact]
    public async Task A_length_the_model_cannot_make_is_sent_as_the_next_one_it_can_and_priced_as_billed()
    {
        var request = Await.Request() with { DurationSeconds = 5 };

        var submitted = await Fal.SubmitAsync(request, CancellationToken.None);
        var estimate = Fal.EstimatePrice(request);

        Assert.True(submitted.Accepted, submitted.Failure?.Message); // 5 s would be a 422: Veo on fal takes 4s, 6s or 8s
        Assert.Equal((6, 0.90m), (estimate.BilledSeconds, estimate.TotalUsd));
    }
}
