using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

/// <summary>
/// Gemini Omni Flash through the Interactions API, over loopback against the simulator's Interactions dialect, which
/// refuses what the API's types rule out (so a wrong field name, length, ratio or model fails here).
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GeminiOmniAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.GeminiOmni)
{
    private IVideoProvider Omni => Provider;

    [Fact]
    public async Task Polled_interaction_succeeds_and_its_video_downloads_without_the_key_leaving_the_API_host()
    {
        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(Omni, submitted.TaskId!)).State);
        var credentialed = Sim.CredentialedFileRequests;

        // The video URI is a Files API download on the API host (it needs the key), redirecting to the file host (it must not get it).
        await Await.AssertMp4Async(await Omni.OpenResultAsync(submitted.TaskId!, CancellationToken.None));

        Assert.Equal(credentialed, Sim.CredentialedFileRequests);
        Assert.Equal(0, Sim.CredentialsSentOffHost);
    }

    [Theory]
    [InlineData(1, AspectRatios.Landscape, Resolutions.P720)]
    [InlineData(5, AspectRatios.Portrait, Resolutions.P720)]
    [InlineData(9, AspectRatios.Landscape, Resolutions.P1080)]
    [InlineData(10, AspectRatios.Portrait, Resolutions.P1080)]
    public async Task Every_size_it_makes_is_sent_in_the_interactions_format_and_accepted(int seconds, string aspect, string resolution)
    {
        var result = await Omni.SubmitAsync(Await.Request() with { DurationSeconds = seconds, AspectRatio = aspect, Resolution = resolution }, CancellationToken.None);

        Assert.True(result.Accepted, result.Failure?.Message);
    }

    [Theory]
    [InlineData(11, AspectRatios.Landscape, "4, 6, 8, 10 s")]
    [InlineData(8, AspectRatios.Square, "16:9, 9:16 only")]
    public async Task What_Omni_cannot_make_is_refused_with_the_reason_before_anything_is_sent(int seconds, string aspect, string reason)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.GeminiOmni);

        var result = await Omni.SubmitAsync(Await.Request() with { DurationSeconds = seconds, AspectRatio = aspect }, CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Unsupported, result.Failure?.Code);
        Assert.Contains(reason, result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.GeminiOmni));
    }

    [Theory]
    [InlineData("veo-3.1-generate-preview")] // retired on the Gemini API, and never an Interactions model
    [InlineData("gemini-omni-0.9-flash")]
    public async Task A_model_the_API_does_not_serve_is_model_unavailable_so_the_slot_is_re_routed(string model)
    {
        var result = await Omni.SubmitAsync(Await.Request() with { Model = model }, CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.ModelUnavailable, result.Failure?.Code);
        Assert.Equal("NOT_FOUND", result.Failure!.ProviderCode);
    }

    [Fact]
    public async Task Safety_block_is_a_moderation_failure_with_the_block_reason()
    {
        Behavior.ModerationRate = 1;
        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Omni, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Equal(ProviderFailureCodes.Moderated, status.Failure!.Code);
        Assert.Equal("SAFETY", status.Failure.ProviderCode);
    }

    [Fact]
    public async Task Failed_interaction_is_a_failure_kind_from_its_rpc_code()
    {
        Behavior.FailureRate = 1;
        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        var status = await Await.TerminalAsync(Omni, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Transient, status.Failure?.Kind); // INTERNAL (13) may pass on a new interaction
        Assert.Equal(("task_failed", "rpc_13"), (status.Failure!.Code, status.Failure.ProviderCode));
    }

    [Fact]
    public async Task Lost_create_response_is_in_doubt_and_never_re_posted()
    {
        Behavior.LostSubmitResponses = 1;
        var (submits, tasks) = (Sim.SubmitsReceived(ProviderIds.GeminiOmni), Sim.TasksCreated(ProviderIds.GeminiOmni));

        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.Equal((submits + 1, tasks + 1), (Sim.SubmitsReceived(ProviderIds.GeminiOmni), Sim.TasksCreated(ProviderIds.GeminiOmni)));
    }

    [Theory]
    [InlineData(WireFault.Status500)]
    [InlineData(WireFault.NotJson)]
    public async Task Create_answered_5xx_or_unreadable_is_in_doubt_and_never_re_posted(WireFault fault)
    {
        Behavior.Inject(fault, FaultTarget.Submits);
        var submits = Sim.SubmitsReceived(ProviderIds.GeminiOmni);

        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.InDoubt, submitted.Failure?.Code);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.GeminiOmni));
    }

    [Fact]
    public async Task Create_refused_with_429_is_sent_again_after_retry_after_and_creates_one_interaction()
    {
        Behavior.RateLimitBurst = 1;
        var tasks = Sim.TasksCreated(ProviderIds.GeminiOmni);

        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(tasks + 1, Sim.TasksCreated(ProviderIds.GeminiOmni));
    }

    [Fact]
    public async Task Expired_video_url_is_refreshed_by_a_status_query()
    {
        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);
        await Await.TerminalAsync(Omni, submitted.TaskId!);
        Behavior.ExpiredResultUrls = 1;

        await Await.AssertMp4Async(await Omni.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
        Assert.Equal(0, Behavior.ExpiredResultUrls);
    }

    [Theory]
    [InlineData("../files/x")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task A_task_id_that_is_not_an_interaction_id_is_not_found_without_a_request(string taskId)
    {
        var requests = Sim.RequestsReceived(ProviderIds.GeminiOmni);

        var failure = await Assert.ThrowsAsync<ProviderCallException>(() => Omni.GetStatusAsync(taskId, CancellationToken.None));

        Assert.Equal(ProviderFailureCodes.NotFound, failure.Failure.Code);
        Assert.Equal(requests, Sim.RequestsReceived(ProviderIds.GeminiOmni));
    }

    [Fact]
    public async Task Signed_static_webhook_of_a_safety_block_is_an_authoritative_moderation_failure()
    {
        Behavior.WebhookUrl = Sim.SinkUrl;
        Behavior.ModerationRate = 1;
        var submitted = await Omni.SubmitAsync(Await.Request(), CancellationToken.None);
        var callback = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        var verdict = await Omni.VerifyCallbackAsync(Callback(callback), CancellationToken.None);

        Assert.Equal(CallbackTrust.Authoritative, verdict.Trust);
        Assert.Equal(ProviderFailureKind.Moderation, verdict.Status!.Failure?.Kind);
    }

    [Fact]
    public async Task Its_own_key_is_used_when_set_and_the_Veo_section_key_otherwise()
    {
        await using var own = new ProviderHarness(Sim, s =>
        {
            s.Remove("Providers:VeoGemini:ApiKey");
            s["Providers:GeminiOmni:ApiKey"] = "omni-only-key";
        });
        await using var none = new ProviderHarness(Sim, s => s.Remove("Providers:VeoGemini:ApiKey"));

        Assert.True(Omni.IsConfigured);
        Assert.True((await own.Provider(ProviderIds.GeminiOmni).SubmitAsync(Await.Request(), CancellationToken.None)).Accepted);
        Assert.False(none.Provider(ProviderIds.GeminiOmni).IsConfigured);
        Assert.Equal(ProviderFailureCodes.NotConfigured, (await none.Provider(ProviderIds.GeminiOmni).SubmitAsync(Await.Request(), CancellationToken.None)).Failure?.Code);
    }
}
