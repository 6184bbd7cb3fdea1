using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable.Probes;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;

namespace VideoPipeline.Durable.Tests;

/// <summary>
/// The durable semantics the workflows rely on, each a named test, run by <see cref="InMemoryRuntimeTests"/> and
/// again by <see cref="AzuriteRuntimeTests"/> on the Azure Storage backend.
/// </summary>
public abstract class RuntimeConformance(RuntimeFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private DurableTaskClient Client => fixture.Harness.Client;

    [Fact]
    public async Task Sub_orchestrations_fan_out_under_the_ids_the_parent_chose_and_fan_in_in_order()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 3, new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal([$"{id}:c0=item 0", $"{id}:c1=item 1", $"{id}:c2=item 2"], done.ReadOutputAs<string[]>()!);
        var child = await Client.GetInstanceAsync($"{id}:c1", getInputsAndOutputs: true);
        Assert.Equal(nameof(ChildOrchestrator), child?.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestrator_waits_for_it_is_delivered()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(LateWaitOrchestrator), TimeSpan.FromSeconds(1), new StartOrchestrationOptions(id));
        await Client.RaiseEventAsync(id, ProbeEvents.Go, "early");

        var done = await CompletionAsync(id);

        Assert.Equal("early", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task The_event_wins_the_race_against_a_long_timer_and_the_timer_is_cancelled()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id);
        await Client.RaiseEventAsync(id, ProbeEvents.Go, "webhook");

        // Completing at all proves the hour-long timer was cancelled: a pending timer would hold the instance open.
        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("event:webhook", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task The_timer_wins_the_race_when_no_event_comes()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromSeconds(1), new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal("timer", done.ReadOutputAs<string>());
        await Client.RaiseEventAsync(id, ProbeEvents.Go, "too late");
        Assert.Equal("timer", (await Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_timer_neither_fired_nor_cancelled_keeps_the_instance_running_until_it_fires()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DanglingTimerOrchestrator), TimeSpan.FromSeconds(3), new StartOrchestrationOptions(id));

        var returned = await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m?.ReadCustomStatusAs<string>() == DanglingTimerOrchestrator.Returned,
            "the orchestrator's return",
            Deadline);
        Assert.Equal(OrchestrationRuntimeStatus.Running, returned!.RuntimeStatus);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompletionAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task A_retry_policy_runs_the_activity_again_until_it_succeeds()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new FlakyCall(id, Failures: 2, MaxAttempts: 3), new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_retry_policy_gives_up_after_its_attempts_and_the_instance_fails_with_the_last_error()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new FlakyCall(id, Failures: 5, MaxAttempts: 2), new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(2, FlakyActivity.Attempts[id]);
        Assert.Contains($"attempt 2 of {id} failed", done.FailureDetails?.InnerFailure?.ErrorMessage ?? done.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_activity_surfaces_as_TaskFailedException_with_its_type_message_and_name()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CatchFailureOrchestrator), "brief-7", new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal($"{typeof(InvalidOperationException).FullName}|refused 'brief-7'|{nameof(FailingActivity)}", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_unhandled_failure_fails_the_instance_with_the_failure_details()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(UnhandledFailureOrchestrator), "brief-8", new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.True(done.FailureDetails is not null, $"no failure details; output {done.SerializedOutput}");
        Assert.True(done.FailureDetails.IsCausedBy<Microsoft.DurableTask.TaskFailedException>(), done.FailureDetails.ErrorType);
        // In memory the activity's failure is the inner one; the Azure Storage backend keeps only the outer message, which names it.
        Assert.Contains("refused 'brief-8'", done.FailureDetails.InnerFailure?.ErrorMessage ?? done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_ends_a_waiting_instance_with_the_given_output()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id);

        await Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "cancelled by user" });
        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("cancelled by user", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_it_is_resumed()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id);

        await Client.SuspendInstanceAsync(id, "operator pause");
        await Eventually.ValueAsync(() => Client.GetInstanceAsync(id), m => m?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "the suspension", Deadline);
        await Client.RaiseEventAsync(id, ProbeEvents.Go, "while suspended");
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await Client.GetInstanceAsync(id))?.RuntimeStatus);
        await Client.ResumeInstanceAsync(id, "go on");

        Assert.Equal("event:while suspended", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_deletes_a_finished_instance_and_refuses_a_running_one()
    {
        var running = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions(running));
        await Client.WaitForInstanceStartAsync(running);
        var finished = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "x", new StartOrchestrationOptions(finished));
        await CompletionAsync(finished);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.PurgeInstanceAsync(running));
        var purged = await Client.PurgeInstanceAsync(finished);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(finished));
        Assert.NotNull(await Client.GetInstanceAsync(running));
        await Client.TerminateInstanceAsync(running);
    }

    [Fact]
    public async Task Custom_status_round_trips_as_the_typed_record()
    {
        var id = NewId();
        var status = new ProbeStatus("rendering", 2, ["s01", "s02"]);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusThenWaitOrchestrator), status, new StartOrchestrationOptions(id));

        var seen = await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m?.SerializedCustomStatus is not null,
            "the custom status",
            Deadline);

        Assert.Equal(status.Stage, seen!.ReadCustomStatusAs<ProbeStatus>()?.Stage);
        Assert.Equal(status.Names, seen.ReadCustomStatusAs<ProbeStatus>()?.Names);
        await Client.RaiseEventAsync(id, ProbeEvents.Go, "ok");
        Assert.Equal("ok", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_query_pages_through_instances_with_continuation_tokens()
    {
        var prefix = NewId();
        var ids = Enumerable.Range(0, 5).Select(k => $"{prefix}-{k}").ToList();
        foreach (var id in ids)
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), id, new StartOrchestrationOptions(id));
        }

        foreach (var id in ids)
        {
            await CompletionAsync(id);
        }

        var pages = new List<int>();
        var seen = new List<string>();
        await foreach (var page in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2 }).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(m => m.InstanceId));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.All(pages, count => Assert.InRange(count, 0, 2));
        Assert.True(pages.Count >= 3, $"5 instances in pages of 2 came back as {pages.Count} page(s)");
    }

    [Fact]
    public async Task Scheduling_an_id_that_is_still_running_is_refused_and_a_finished_one_is_replaced()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "again", new StartOrchestrationOptions(id)));

        await Client.RaiseEventAsync(id, ProbeEvents.Go, "first");
        Assert.Equal("event:first", (await CompletionAsync(id)).ReadOutputAs<string>());
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "second", new StartOrchestrationOptions(id));
        var replaced = await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m is { IsCompleted: true, Name: nameof(EchoOrchestrator) },
            "the replacing instance",
            Deadline);
        Assert.Equal("second", replaced!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_orchestrator_that_schedules_differently_on_replay_fails_as_non_deterministic()
    {
        var id = NewId();
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(NonDeterministicOrchestrator), "x", new StartOrchestrationOptions(id));

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("NonDeterministic", done.FailureDetails?.ErrorType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_an_unknown_instance_fails_instead_of_hanging()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.WaitForInstanceCompletionAsync(NewId()));
    }

    private static string NewId() => $"probe-{Guid.NewGuid():N}";

    private async Task<OrchestrationMetadata> CompletionAsync(string id)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, deadline.Token);
    }
}

public sealed class InMemoryRuntimeTests(InMemoryRuntimeFixture fixture) : RuntimeConformance(fixture), IClassFixture<InMemoryRuntimeFixture>;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AzuriteRuntimeTests(AzuriteRuntimeFixture fixture) : RuntimeConformance(fixture), IClassFixture<AzuriteRuntimeFixture>;
