using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Tests.Candidates;

/// <summary>
/// The wait for a provider task against a mocked context: the test hands the orchestrator tasks it controls and checks
/// what it scheduled, the way Microsoft documents unit tests of isolated Durable orchestrators.
/// </summary>
public sealed class AwaitProviderTaskOrchestratorTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan FirstCheck = TimeSpan.FromSeconds(30);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<DateTime> _timers = [];
    private readonly List<CancellationToken> _eventWaits = [];

    public AwaitProviderTaskOrchestratorTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Start);
        _context.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        _context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        _context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<Type>())).Returns(NullLogger.Instance);
        _context.Setup(c => c.CreateReplaySafeLogger<AwaitProviderTaskOrchestrator>()).Returns(NullLogger.Instance);
    }

    [Fact]
    public async Task A_verified_terminal_webhook_is_applied_without_a_status_read_and_the_timer_is_cancelled()
    {
        var succeeded = Status(ProviderTaskState.Succeeded);
        var timerToken = CancellationToken.None;
        EventsArrive(new ProviderUpdate(CallbackTrust.Authoritative, succeeded));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime _, CancellationToken token) => timerToken = token)
            .Returns(new TaskCompletionSource().Task);

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait());

        Assert.Equal(new ProviderWaitResult(ProviderWaitOutcome.Finished, succeeded, 0, ByWebhook: true), result);
        Assert.True(timerToken.IsCancellationRequested, "the losing timer must be cancelled");
        _context.Verify(c => c.CallActivityAsync<ProviderTaskStatus>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task A_hint_costs_exactly_one_status_read()
    {
        EventsArrive(new ProviderUpdate(CallbackTrust.Hint, null));
        TimersNeverFire();
        StatusReadsReturn(Status(ProviderTaskState.Succeeded));

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait());

        Assert.Equal(ProviderWaitOutcome.Finished, result.Outcome);
        Assert.Equal(1, result.StatusReads);
        Assert.True(result.ByWebhook);
    }

    [Fact]
    public async Task Duplicate_hints_after_a_read_that_found_the_task_done_cost_nothing_more()
    {
        EventsArrive(new ProviderUpdate(CallbackTrust.Hint, null), new ProviderUpdate(CallbackTrust.Hint, null), new ProviderUpdate(CallbackTrust.Hint, null));
        TimersNeverFire();
        StatusReadsReturn(Status(ProviderTaskState.Succeeded));

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait());

        Assert.Equal((ProviderWaitOutcome.Finished, 1), (result.Outcome, result.StatusReads));
    }

    [Fact]
    public async Task A_verified_progress_webhook_costs_no_status_read_and_the_verified_result_after_it_ends_the_wait()
    {
        var succeeded = Status(ProviderTaskState.Succeeded);
        EventsArrive(
            new ProviderUpdate(CallbackTrust.Authoritative, Status(ProviderTaskState.Running)),
            new ProviderUpdate(CallbackTrust.Authoritative, Status(ProviderTaskState.Running)),
            new ProviderUpdate(CallbackTrust.Authoritative, succeeded));
        TimersNeverFire();

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait());

        Assert.Equal(new ProviderWaitResult(ProviderWaitOutcome.Finished, succeeded, 0, ByWebhook: true), result);
        _context.Verify(c => c.CallActivityAsync<ProviderTaskStatus>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task Without_webhooks_the_checks_back_off_twofold_up_to_the_cap_and_the_event_waits_are_cancelled()
    {
        EventsNeverArrive();
        TimersFire();
        StatusReadsReturn(
            Status(ProviderTaskState.Queued), Status(ProviderTaskState.Running), Status(ProviderTaskState.Running),
            Status(ProviderTaskState.Running), Status(ProviderTaskState.Succeeded));

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait(longest: TimeSpan.FromMinutes(2)));

        Assert.Equal(ProviderWaitOutcome.Finished, result.Outcome);
        Assert.False(result.ByWebhook);
        Assert.Equal(5, result.StatusReads);
        Assert.Equal([30, 60, 120, 120, 120], _timers.Select(t => (t - Start).TotalSeconds));
        Assert.All(_eventWaits, token => Assert.True(token.IsCancellationRequested, "every losing event wait must be cancelled"));
    }

    [Fact]
    public async Task Past_the_deadline_the_wait_times_out_without_reading_the_provider()
    {
        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait() with { Deadline = Start });

        Assert.Equal(new ProviderWaitResult(ProviderWaitOutcome.TimedOut, null, 0, ByWebhook: false), result);
        _context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_last_check_is_armed_at_the_deadline_not_after_it()
    {
        EventsNeverArrive();
        TimersFire();
        StatusReadsReturn(Status(ProviderTaskState.Failed));

        await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait() with { Deadline = Start.AddSeconds(10) });

        Assert.Equal([Start.AddSeconds(10)], _timers);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_read_does_not_end_the_wait()
    {
        EventsNeverArrive();
        TimersFire();
        var reads = 0;
        _context.Setup(c => c.CallActivityAsync<ProviderTaskStatus>(It.Is<TaskName>(n => n.Name == nameof(ReadProviderStatusActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => ++reads == 1
                ? Task.FromException<ProviderTaskStatus>(new TaskFailedException(nameof(ReadProviderStatusActivity), 1, new TaskFailureDetails("TimeoutException", "no answer", null, null, null)))
                : Task.FromResult(Status(ProviderTaskState.Succeeded)));

        var result = await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait());

        Assert.Equal(ProviderWaitOutcome.Finished, result.Outcome);
        Assert.Equal(2, result.StatusReads);
    }

    [Fact]
    public async Task After_its_rounds_the_wait_continues_as_new_keeping_unprocessed_events()
    {
        EventsNeverArrive();
        TimersFire();
        StatusReadsReturn(Enumerable.Repeat(Status(ProviderTaskState.Running), AwaitProviderTaskOrchestrator.RoundsPerExecution).ToArray());
        ProviderWait? carried = null;
        _context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), true)).Callback((object? input, bool _) => carried = input as ProviderWait);

        await new AwaitProviderTaskOrchestrator().RunAsync(_context.Object, Wait(longest: TimeSpan.FromMinutes(5)));

        Assert.NotNull(carried);
        Assert.Equal(AwaitProviderTaskOrchestrator.RoundsPerExecution, carried.StatusReads);
        Assert.Equal(TimeSpan.FromMinutes(5), carried.NextCheckAfter);
    }

    private static ProviderWait Wait(TimeSpan? longest = null) =>
        new("runway", "task-1", Start.AddHours(1), FirstCheck, longest ?? TimeSpan.FromMinutes(10));

    private static ProviderTaskStatus Status(ProviderTaskState state) => new("task-1", state, Start);

    private void EventsArrive(params ProviderUpdate[] updates)
    {
        var queue = new Queue<ProviderUpdate>(updates);
        _context.Setup(c => c.WaitForExternalEvent<ProviderUpdate>(WorkflowEvents.ProviderUpdate, It.IsAny<CancellationToken>()))
            .Callback((string _, CancellationToken token) => _eventWaits.Add(token))
            .Returns(() => queue.Count > 0 ? Task.FromResult(queue.Dequeue()) : new TaskCompletionSource<ProviderUpdate>().Task);
    }

    private void EventsNeverArrive() => EventsArrive();

    private void TimersFire() =>
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime at, CancellationToken _) => _timers.Add(at))
            .Returns(Task.CompletedTask);

    private void TimersNeverFire() =>
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource().Task);

    private void StatusReadsReturn(params ProviderTaskStatus[] statuses)
    {
        var queue = new Queue<ProviderTaskStatus>(statuses);
        _context.Setup(c => c.CallActivityAsync<ProviderTaskStatus>(
                It.Is<TaskName>(n => n.Name == nameof(ReadProviderStatusActivity)),
                It.Is<object?>(q => q is ProviderStatusQuery && ((ProviderStatusQuery)q).TaskId == "task-1"),
                It.IsAny<TaskOptions?>()))
            .Returns(() => Task.FromResult(queue.Dequeue()));
    }
}
