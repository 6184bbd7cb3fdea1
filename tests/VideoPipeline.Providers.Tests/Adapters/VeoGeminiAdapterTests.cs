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
}
