using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

/// <summary>
/// Gemini API webhooks, verified alike by every adapter on that API (Veo's operations, Omni's interactions): a static
/// webhook's HMAC over the body makes it authoritative; a per-request webhook's RS256 JWT (published keys, issuer,
/// audience, freshness) makes it a verified hint; anything forged, unsigned or replayed is rejected and changes nothing.
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GeminiWebhookTests(SimulatorFixture fixture)
{
    public static TheoryData<string> Providers() => [ProviderIds.VeoGemini, ProviderIds.GeminiOmni];

    private Simulator.ProviderSimulator Sim => fixture.Simulator;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Signed_static_webhook_is_authoritative_and_duplicates_and_reordering_do_not_regress(string providerId)
    {
        var behavior = fixture.Reset(providerId);
        behavior.WebhookUrl = Sim.SinkUrl;
        behavior.DuplicateCallbacks = 1;
        behavior.ReorderCallbacks = true;
        await using var harness = new ProviderHarness(Sim);
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 4, Await.Deadline);

        var first = await provider.VerifyCallbackAsync(Callback(callbacks[0]), CancellationToken.None);
        Assert.Equal(CallbackTrust.Authoritative, first.Trust);
        Assert.Equal(ProviderTaskState.Succeeded, first.Status!.State);

        var state = new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Queued, DateTimeOffset.UtcNow);
        foreach (var callback in callbacks)
        {
            state = await CallbackHandling.ApplyAsync(provider, state, Callback(callback), CancellationToken.None);
        }

        Assert.Equal(ProviderTaskState.Succeeded, state.State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Forged_static_webhook_is_rejected_and_changes_nothing(string providerId)
    {
        var behavior = fixture.Reset(providerId);
        behavior.WebhookUrl = Sim.SinkUrl;
        behavior.ForgeCallbacks = true;
        await using var harness = new ProviderHarness(Sim);
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(), CancellationToken.None);
        var forged = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline)).Single(c => c.Forged);
        var running = new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Running, DateTimeOffset.UtcNow);

        Assert.Equal(CallbackTrust.Rejected, (await provider.VerifyCallbackAsync(Callback(forged), CancellationToken.None)).Trust);
        Assert.Same(running, await CallbackHandling.ApplyAsync(provider, running, Callback(forged), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unsigned_static_webhook_is_rejected(string providerId)
    {
        var behavior = fixture.Reset(providerId);
        behavior.WebhookUrl = Sim.SinkUrl;
        behavior.SignCallbacks = false;
        await using var harness = new ProviderHarness(Sim);
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        Assert.Equal(CallbackTrust.Rejected, (await provider.VerifyCallbackAsync(Callback(callback), CancellationToken.None)).Trust);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Replayed_webhook_older_than_five_minutes_is_rejected(string providerId)
    {
        fixture.Reset(providerId).WebhookUrl = Sim.SinkUrl;
        await using var harness = new ProviderHarness(Sim);
        var submitted = await harness.Provider(providerId).SubmitAsync(Await.Request(), CancellationToken.None);
        var genuine = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        await using var later = new ProviderHarness(Sim, time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(6)));

        var verdict = await later.Provider(providerId).VerifyCallbackAsync(Callback(genuine), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("too old", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Per_request_webhook_goes_to_the_request_URL_and_its_JWT_from_the_published_keys_is_a_verified_hint(string providerId)
    {
        fixture.Reset(providerId);
        await using var harness = RequestWebhookHarness(providerId);
        var provider = harness.Provider(providerId);
        var target = new Uri(Sim.SinkUrl, $"sink/{Guid.NewGuid():N}");
        var submitted = await provider.SubmitAsync(Await.Request(callback: target), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        var verdict = await provider.VerifyCallbackAsync(Callback(callback), CancellationToken.None);

        Assert.Equal(target, callback.Target); // the request's webhook URIs were read
        Assert.Equal(CallbackTrust.Hint, verdict.Trust); // the JWT does not sign the body: the status query decides
        Assert.Equal(submitted.TaskId, verdict.TaskId);
        var running = new ProviderTaskStatus(submitted.TaskId!, ProviderTaskState.Running, DateTimeOffset.UtcNow);
        Assert.Equal(ProviderTaskState.Succeeded, (await CallbackHandling.ApplyAsync(provider, running, Callback(callback), CancellationToken.None)).State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Per_request_webhook_JWT_signed_by_another_key_is_rejected(string providerId)
    {
        fixture.Reset(providerId).ForgeCallbacks = true;
        await using var harness = RequestWebhookHarness(providerId);
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var forged = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 2, Await.Deadline)).Single(c => c.Forged);

        var verdict = await provider.VerifyCallbackAsync(Callback(forged), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("JWT refused", verdict.RejectReason, StringComparison.Ordinal); // refused by the JWKS check, not by accident
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Per_request_webhook_JWT_for_another_audience_is_rejected(string providerId)
    {
        fixture.Reset(providerId);
        await using var harness = RequestWebhookHarness(providerId, audience: "someone-else");
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        var verdict = await provider.VerifyCallbackAsync(Callback(callback), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
        Assert.Contains("Audience", verdict.RejectReason, StringComparison.Ordinal);
    }

    private static ProviderCallback Callback(Simulator.RecordedCallback recorded) => new(recorded.Headers, recorded.Body);

    private ProviderHarness RequestWebhookHarness(string providerId, string? audience = null) => new(Sim, settings =>
    {
        var section = providerId == ProviderIds.VeoGemini ? "Providers:VeoGemini" : "Providers:GeminiOmni";
        settings[$"{section}:UseRequestWebhooks"] = "true";
        settings[$"{section}:WebhookJwksUrl"] = Sim.GeminiJwksUrl.ToString();
        settings[$"{section}:WebhookJwtIssuer"] = Sim.JwtIssuer;
        settings[$"{section}:WebhookJwtAudience"] = audience ?? Sim.JwtAudience;
    });
}
