using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Kling;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KlingAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Kling)
{
    private IVideoProvider Kling => Provider;

    [Fact]
    public async Task Unsigned_callback_is_a_hint_and_the_query_decides()
    {
        var submitted = await Kling.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline);

        var verdict = await Kling.VerifyCallbackAsync(Callback(callbacks[0]), CancellationToken.None);
        Assert.Equal(CallbackTrust.Hint, verdict.Trust);
        Assert.Equal(submitted.TaskId, verdict.TaskId);
        Assert.Null(verdict.Status);

        var state = await CallbackHandling.ApplyAsync(Kling, Running(submitted.TaskId!), Callback(callbacks[0]), CancellationToken.None);
        Assert.Equal(ProviderTaskState.Succeeded, state.State);
        await Await.AssertMp4Async(await Kling.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task Forged_duplicate_and_reordered_callbacks_never_change_a_succeeded_task()
    {
        Behavior.ForgeCallbacks = true;
        Behavior.DuplicateCallbacks = 1;
        Behavior.ReorderCallbacks = true;
        var submitted = await Kling.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);

        // final ×2, stale "processing" ×2, forged "failed" ×1
        var callbacks = await Sim.WaitForCallbacksAsync(submitted.TaskId!, 5, Await.Deadline);
        Assert.Contains(callbacks, c => c.Forged);

        var state = Running(submitted.TaskId!);
        foreach (var callback in callbacks)
        {
            state = await CallbackHandling.ApplyAsync(Kling, state, Callback(callback), CancellationToken.None);
            Assert.NotEqual(ProviderTaskState.Failed, state.State);
        }

        Assert.Equal(ProviderTaskState.Succeeded, state.State);
    }

    [Fact]
    public async Task Delayed_callback_after_polling_saw_success_changes_nothing()
    {
        Behavior.CallbackDelay = TimeSpan.FromMilliseconds(300);
        var submitted = await Kling.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var polled = await Await.TerminalAsync(Kling, submitted.TaskId!); // the timer path got there first

        var late = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];
        var state = await CallbackHandling.ApplyAsync(Kling, polled, Callback(late), CancellationToken.None);

        Assert.Equal(ProviderTaskState.Succeeded, state.State);
        Assert.Equal(polled.TaskId, state.TaskId);
    }

    [Fact]
    public async Task Lost_submit_response_is_reconciled_by_external_task_id_without_a_second_post()
    {
        Behavior.LostSubmitResponses = 1;
        var (submits, tasks) = (Sim.SubmitsReceived(ProviderIds.Kling), Sim.TasksCreated(ProviderIds.Kling));

        var submitted = await Kling.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.True(submitted.Reconciled);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Kling));
        Assert.Equal(tasks + 1, Sim.TasksCreated(ProviderIds.Kling));
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(Kling, submitted.TaskId!)).State);
    }

    [Fact]
    public async Task Submit_that_times_out_and_arrives_late_is_adopted_not_billed_twice()
    {
        Behavior.Stalls = 1;
        Behavior.StallTarget = FaultTarget.Submits;
        Behavior.StallDuration = TimeSpan.FromSeconds(4); // past the 2 s attempt timeout; the task is created afterwards
        var tasks = Sim.TasksCreated(ProviderIds.Kling);
        var request = Await.Request();

        var first = await Kling.SubmitAsync(request, CancellationToken.None);
        Assert.Equal(ProviderFailureCodes.Unreachable, first.Failure?.Code); // not there yet when reconciled

        await Eventually.TrueAsync(() => Sim.TasksCreated(ProviderIds.Kling) != tasks, "the late arrival of Kling's task", Await.Deadline);

        var second = await Kling.SubmitAsync(request, CancellationToken.None);

        Assert.True(second.Accepted, second.Failure?.Message);
        Assert.True(second.Reconciled);
        Assert.Equal(tasks + 1, Sim.TasksCreated(ProviderIds.Kling));
    }

    [Fact]
    public async Task Content_safety_code_1301_is_a_permanent_moderation_failure()
    {
        Behavior.ModerationRate = 1;

        var submitted = await Kling.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.Moderation, submitted.Failure?.Kind);
        Assert.Equal(ProviderFailureCodes.Moderated, submitted.Failure!.Code);
        Assert.Equal("1301", submitted.Failure.ProviderCode);
        Assert.False(submitted.Failure.IsRetryable);
    }

    [Fact]
    public async Task Rate_limit_code_1302_with_Retry_After_is_retried()
    {
        Behavior.RateLimitBurst = 1;

        var submitted = await Kling.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
    }

    [Fact]
    public async Task Malformed_callback_is_rejected() =>
        Assert.Equal(CallbackTrust.Rejected, (await Kling.VerifyCallbackAsync(new ProviderCallback(new Dictionary<string, string>(), "not json"u8.ToArray()), CancellationToken.None)).Trust);

    [Fact]
    public async Task Auth_token_is_HS256_with_the_access_key_as_issuer_and_a_short_life()
    {
        var token = new JsonWebToken(await KlingTokenAsync());

        Assert.Equal("HS256", token.Alg);
        Assert.Equal("test-access-key", token.Issuer);
        Assert.InRange(token.ValidTo - token.ValidFrom, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("test-kling-secret-key-of-32-bytes!")),
            ValidateAudience = false,
            ValidIssuer = "test-access-key",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    /// <summary>The bearer token the adapter sends, captured at the HTTP boundary.</summary>
    private static async Task<string> KlingTokenAsync()
    {
        var captured = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new HttpClient(new CaptureHandler(captured));
        var provider = new KlingProvider(
            client,
            new ResultDownloader(client),
            new PriceTable(Options.Create(new PriceTableOptions())),
            TimeProvider.System,
            Options.Create(new KlingOptions { AccessKey = "test-access-key", SecretKey = "test-kling-secret-key-of-32-bytes!" }),
            NullLogger<KlingProvider>.Instance);
        await Assert.ThrowsAsync<ProviderCallException>(() => provider.GetStatusAsync("1", CancellationToken.None));
        return await captured.Task;
    }

    private static ProviderTaskStatus Running(string taskId) => new(taskId, ProviderTaskState.Running, DateTimeOffset.UtcNow);

    private sealed class CaptureHandler(TaskCompletionSource<string> captured) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            captured.TrySetResult(request.Headers.Authorization!.Parameter!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        }
    }
}
