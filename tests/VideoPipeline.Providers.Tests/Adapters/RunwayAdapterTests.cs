using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class RunwayAdapterTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Runway)
{
    private IVideoProvider Runway => Provider;

    [Fact]
    public async Task Candidate_succeeds_and_its_video_downloads()
    {
        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(ProviderTaskState.Succeeded, (await Await.TerminalAsync(Runway, submitted.TaskId!)).State);
        await Await.AssertMp4Async(await Runway.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Theory]
    [InlineData(RetryAfterMode.Seconds)]
    [InlineData(RetryAfterMode.HttpDate)]
    [InlineData(RetryAfterMode.Milliseconds)]
    [InlineData(RetryAfterMode.None)]
    public async Task Submit_refused_with_429_is_sent_again_after_the_wait_and_creates_one_task(RetryAfterMode mode)
    {
        Behavior.RateLimitBurst = 2;
        Behavior.RetryAfter = mode;
        Behavior.RetryAfterDelay = mode == RetryAfterMode.Milliseconds ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromSeconds(1);
        var (submits, tasks) = (Sim.SubmitsReceived(ProviderIds.Runway), Sim.TasksCreated(ProviderIds.Runway));

        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        Assert.Equal(submits + 3, Sim.SubmitsReceived(ProviderIds.Runway));
        Assert.Equal(tasks + 1, Sim.TasksCreated(ProviderIds.Runway));
    }

    [Fact]
    public async Task Status_reads_are_retried_through_5xx_and_429()
    {
        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);
        Behavior.ServerErrorBurst = 2;
        Behavior.RateLimitBurst = 1;
        Behavior.RetryAfter = RetryAfterMode.Milliseconds;
        Behavior.RetryAfterDelay = TimeSpan.FromMilliseconds(20);

        var status = await Runway.GetStatusAsync(submitted.TaskId!, CancellationToken.None);

        Assert.Equal(submitted.TaskId, status.TaskId);
        Assert.Equal(0, Behavior.ServerErrorBurst + Behavior.RateLimitBurst);
    }

    [Fact]
    public async Task Submit_answered_5xx_is_not_re_posted()
    {
        Behavior.ServerErrorBurst = 1;
        var submits = Sim.SubmitsReceived(ProviderIds.Runway);

        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.Transient, submitted.Failure?.Kind);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Runway));
    }

    [Fact]
    public async Task Status_read_that_times_out_is_retried()
    {
        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);
        Behavior.Stalls = 1;
        Behavior.StallDuration = TimeSpan.FromSeconds(4); // past the 2 s attempt timeout

        var status = await Runway.GetStatusAsync(submitted.TaskId!, CancellationToken.None);

        Assert.Equal(submitted.TaskId, status.TaskId);
    }

    [Fact]
    public async Task Lost_submit_response_is_in_doubt_and_never_re_posted()
    {
        Behavior.LostSubmitResponses = 1;
        var (submits, tasks) = (Sim.SubmitsReceived(ProviderIds.Runway), Sim.TasksCreated(ProviderIds.Runway));

        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, submitted.Failure?.Kind);
        Assert.False(submitted.Failure!.IsRetryable);
        Assert.Equal(submits + 1, Sim.SubmitsReceived(ProviderIds.Runway));
        Assert.Equal(tasks + 1, Sim.TasksCreated(ProviderIds.Runway));
    }

    [Fact]
    public async Task Expired_result_url_is_refreshed_by_a_status_query()
    {
        var submitted = await Runway.SubmitAsync(Await.Request(), CancellationToken.None);
        await Await.TerminalAsync(Runway, submitted.TaskId!);
        Behavior.ExpiredResultUrls = 1;

        await Await.AssertMp4Async(await Runway.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
        Assert.Equal(0, Behavior.ExpiredResultUrls);
    }

    [Fact]
    public async Task Runway_sends_no_callbacks_so_any_callback_is_rejected()
    {
        var verdict = await Runway.VerifyCallbackAsync(new ProviderCallback(new Dictionary<string, string>(), "{\"id\":\"x\",\"status\":\"SUCCEEDED\"}"u8.ToArray()), CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
    }

    [Fact]
    public void Estimate_uses_the_price_table() =>
        Assert.Equal(0.24m, Runway.EstimatePrice(Await.Request()).TotalUsd); // gen4.5 at 0.12 USD/s × 2 s
}
