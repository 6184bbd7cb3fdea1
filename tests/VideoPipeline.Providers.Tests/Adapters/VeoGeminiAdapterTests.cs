using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VeoGeminiAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.VeoGemini)
{
    private IVideoProvider Veo => Provider;

    [Fact]
    public async Task Candidate_succeeds_and_its_sample_downloads()
    {
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.StartsWith("models/veo-3.0-generate-001/operations/", submitted.TaskId, StringComparison.Ordinal);
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(Veo, submitted.TaskId!)).State);
        var credentialed = Sim.CredentialedFileRequests;

        // The sample URI needs the key on the API host and redirects to another host, which must not get it.
        await Await.AssertMp4Async(await Veo.OpenResultAsync(submitted.TaskId!, CancellationToken.None));

        Assert.Equal(credentialed, Sim.CredentialedFileRequests);
    }

    [Fact]
    public async Task Filtered_samples_are_a_permanent_moderation_failure_with_the_reason()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Veo, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Equal("rai_media_filtered", status.Failure!.ProviderCode);
        Assert.Contains("safety filter", status.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operation_error_is_a_failure_kind_from_its_rpc_code()
    {
        Behavior.FailureRate = 1;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Veo, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Transient, status.Failure?.Kind); // INTERNAL (13) may pass on a new task
        Assert.Equal("rpc_13", status.Failure!.ProviderCode);
    }

    [Fact]
    public async Task Lost_submit_response_is_in_doubt_and_never_re_posted()
    {
        Behavior.LostSubmitResponses = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.VeoGemini);

        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.VeoGemini));
    }

    [Fact]
    public async Task Signed_static_webhook_is_authoritative_and_duplicates_and_reordering_do_not_regress()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        Behavior.DuplicateCallbacks = 1;
        Behavior.ReorderCallbacks = true;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 4, Await.Deadline);

        var first = await Veo.VerifyCallbackAsync(Callback(callbacks[0]), CancellationToken.None);
        Assert.Equal(CallbackTrust.Authoritative, first.Trust);
        Assert.Equal(ProviderTaskState.Succeeded, first.Status!.State);

        var state = new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Queued, DateTimeOffset.UtcNow);
        foreach (var callback in callbacks)
        {
            state = await CallbackHandling.ApplyAsync(Veo, state, Callback(callback), CancellationToken.None);
        }

        Assert.Equal(ProviderTaskState.Succeeded, state.State);
    }

    [Fact]
    public async Task Forged_static_webhook_is_rejected_and_changes_nothing()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        Behavior.ForgeCallbacks = true;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);
        var forged = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline)).Single(c => c.Forged);
        var running = new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Running, DateTimeOffset.UtcNow);

        Assert.Equal(CallbackTrust.Rejected, (await Veo.VerifyCallbackAsync(Callback(forged), CancellationToken.None)).Trust);
        Assert.Same(running, await CallbackHandling.ApplyAsync(Veo, running, Callback(forged), CancellationToken.None));
    }

    [Fact]
    public async Task Unsigned_static_webhook_is_rejected()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        Behavior.SignCallbacks = false;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        Assert.Equal(CallbackTrust.Rejected, (await Veo.VerifyCallbackAsync(Callback(callback), CancellationToken.None)).Trust);
    }

    [Fact]
    public async Task Replayed_webhook_older_than_five_minutes_is_rejected()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        var submitted = await Veo.SubmitAsync(Await.Request(), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        await using var later = new ProviderHarness(Sim, time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(6)));

        var verdict = await later.Provider(ProviderIds.VeoGemini).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("too old", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_but_malformed_body_is_rejected()
    {
        var body = "{not json"u8.ToArray();
        var signer = new VideoPipeline.Providers.Webhooks.StandardWebhookVerifier(Sim.WebhookSecret, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = signer.Sign("msg_1", now, body),
        };

        Assert.Equal(CallbackTrust.Rejected, (await Veo.VerifyCallbackAsync(new ProviderCallback(headers, body), CancellationToken.None)).Trust);
    }

    [Fact]
    public async Task Per_request_webhook_JWT_from_the_published_keys_is_a_verified_hint()
    {
        await using var harness = RequestWebhookHarness();
        var veo = harness.Provider(ProviderIds.VeoGemini);
        var submitted = await veo.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        var verdict = await veo.VerifyCallbackAsync(Callback(callback), CancellationToken.None);

        Assert.Equal(CallbackTrust.Hint, verdict.Trust); // the JWT does not sign the body: the query decides
        Assert.Equal(submitted.TaskId, verdict.TaskId);
    }

    [Fact]
    public async Task Per_request_webhook_JWT_signed_by_another_key_is_rejected()
    {
        Behavior.ForgeCallbacks = true;
        await using var harness = RequestWebhookHarness();
        var veo = harness.Provider(ProviderIds.VeoGemini);
        var submitted = await veo.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var forged = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline)).Single(c => c.Forged);

        var verdict = await veo.VerifyCallbackAsync(Callback(forged), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("JWT refused", verdict.RejectReason, StringComparison.Ordinal); // refused by the JWKS check, not by accident
    }

    private ProviderHarness RequestWebhookHarness() => new(Sim, settings =>
    {
        settings["Providers:VeoGemini:UseRequestWebhooks"] = "true";
        settings["Providers:VeoGemini:WebhookJwksUrl"] = Sim.GeminiJwksUrl.ToString();
        settings["Providers:VeoGemini:WebhookJwtIssuer"] = Sim.JwtIssuer;
        settings["Providers:VeoGemini:WebhookJwtAudience"] = Sim.JwtAudience;
    });
}
