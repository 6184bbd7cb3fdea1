using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class ClientTests
{
    [Fact]
    public async Task Custom_status_is_visible_to_status_queries_while_the_instance_runs()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Progress", () => new Orchestrator<string, string>(async (context, _) =>
        {
            context.SetCustomStatus(new { shots = 2, done = 1 });
            return await context.WaitForExternalEvent<string>("Go");
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Progress");
        var running = await harness.WaitForAsync(id, m => m.SerializedCustomStatus is not null);

        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal("""{"shots":2,"done":1}""", running.SerializedCustomStatus);
    }

    [Fact]
    public async Task Custom_status_larger_than_16_KB_is_rejected_with_a_clear_error_and_the_previous_status_kept()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Chatty", () => new Orchestrator<string, string>((context, _) =>
        {
            context.SetCustomStatus("small");
            try
            {
                context.SetCustomStatus(new string('x', 9000));
                return Task.FromResult("accepted");
            }
            catch (ArgumentException ex)
            {
                return Task.FromResult(ex.Message);
            }
        }));
        await harness.StartAsync();

        var result = await harness.RunAsync("Chatty");

        Assert.StartsWith("Custom status of orchestration 'Chatty'", result.ReadOutputAs<string>(), StringComparison.Ordinal);
        Assert.Contains("the limit is 16384 bytes", result.ReadOutputAs<string>(), StringComparison.Ordinal);
        Assert.Equal("small", result.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task Terminate_ends_a_running_instance_and_drops_its_pending_timers()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("Waits", () => new Orchestrator<string, string>(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            return "woke";
        }));
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await harness.WaitForAsync(id, m => m.IsRunning);
        Assert.Equal(1, harness.QueryScalar("SELECT COUNT(*) FROM inbox WHERE instance_id = $id", id));

        await harness.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("cancelled by user"));
        var result = await harness.CompletionAsync(id);
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("cancelled by user", result.ReadOutputAs<string>());
        Assert.Equal(0, harness.QueryScalar("SELECT COUNT(*) FROM inbox WHERE instance_id = $id", id));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task Scheduling_an_id_that_is_running_is_refused_and_a_finished_one_is_started_afresh()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Echo", () => new Orchestrator<string, string>((context, input) => context.WaitForExternalEvent<string>("Go")));
        await harness.StartAsync();
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "first", new StartOrchestrationOptions("job-1"));

        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            harness.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "second", new StartOrchestrationOptions("job-1")));
        await harness.Client.RaiseEventAsync("job-1", "Go", "one");
        Assert.Equal("one", (await harness.CompletionAsync("job-1")).ReadOutputAs<string>());
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "third", new StartOrchestrationOptions("job-1"));
        await harness.Client.RaiseEventAsync("job-1", "Go", "two");
        var rerun = await harness.CompletionAsync("job-1");

        Assert.Contains("job-1", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("third", rerun.ReadInputAs<string>());
        Assert.Equal("two", rerun.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Dedupe_statuses_can_also_refuse_replacing_a_finished_instance()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Echo", () => new Orchestrator<string, string>((_, input) => Task.FromResult(input)));
        await harness.StartAsync();
        await harness.RunAsync("Echo", "once", instanceId: "job-2");

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", "again", new StartOrchestrationOptions("job-2") { DedupeStatuses = [OrchestrationRuntimeStatus.Completed] }));
        Assert.Equal("once", (await harness.Client.GetInstanceAsync("job-2", getInputsAndOutputs: true))!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_removes_a_finished_instance_but_not_a_running_one()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddOrchestrator("Echo", () => new Orchestrator<string, string>((_, input) => Task.FromResult(input)))
            .AddOrchestrator("Wait", () => new Orchestrator<string, string>((context, _) => context.WaitForExternalEvent<string>("Go")));
        await harness.StartAsync();
        await harness.RunAsync("Echo", "x", instanceId: "done");
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait", options: new StartOrchestrationOptions("busy"));

        var purgedDone = await harness.Client.PurgeInstanceAsync("done");
        var purgedBusy = await harness.Client.PurgeInstanceAsync("busy");

        Assert.Equal(1, purgedDone.PurgedInstanceCount);
        Assert.Equal(0, purgedBusy.PurgedInstanceCount);
        Assert.Null(await harness.Client.GetInstanceAsync("done"));
        Assert.Equal(0, harness.QueryScalar("SELECT COUNT(*) FROM history WHERE instance_id = $id", "done"));
        Assert.NotNull(await harness.Client.GetInstanceAsync("busy"));
    }

    [Fact]
    public async Task Listing_instances_filters_by_status_and_id_prefix_across_pages()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddOrchestrator("Echo", () => new Orchestrator<string, string>((_, input) => Task.FromResult(input)))
            .AddOrchestrator("Wait", () => new Orchestrator<string, string>((context, _) => context.WaitForExternalEvent<string>("Go")));
        await harness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.RunAsync("Echo", "x", instanceId: $"jobA-{i}");
        }

        await harness.RunAsync("Echo", "x", instanceId: "jobB-0");
        await harness.RunAsync("Echo", "x", instanceId: "JOBA-other-case");
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait", options: new StartOrchestrationOptions("jobA-waiting"));
        await harness.WaitForAsync("jobA-waiting", m => m.IsRunning);

        var completedA = new List<string>();
        await foreach (var instance in harness.Client.GetAllInstancesAsync(
            new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], InstanceIdPrefix: "jobA-", PageSize: 2)))
        {
            completedA.Add(instance.InstanceId);
        }

        Assert.Equal(["jobA-0", "jobA-1", "jobA-2", "jobA-3", "jobA-4"], completedA.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_store_can_live_in_memory_on_request()
    {
        await using var harness = new EngineHarness(configure: o => o.InMemory = true);
        harness.Registry.AddOrchestrator("Echo", () => new Orchestrator<string, string>((_, input) => Task.FromResult(input)));
        await harness.StartAsync();

        var result = await harness.RunAsync("Echo", "in memory");

        Assert.Equal("in memory", result.ReadOutputAs<string>());
        Assert.False(File.Exists(harness.DatabasePath));
    }

    [Theory]
    [InlineData(0, 16, "MaxConcurrentActivityFunctions")]
    [InlineData(8, 0, "MaxConcurrentOrchestratorFunctions")]
    public void Bad_concurrency_settings_fail_at_construction_naming_the_setting(int activities, int orchestrators, string setting)
    {
        var options = new DurableEngineOptions { InMemory = true, MaxConcurrentActivityFunctions = activities, MaxConcurrentOrchestratorFunctions = orchestrators };

        var error = Assert.Throws<ArgumentException>(() => new DurableEngine(new DurableTaskRegistry(), options));

        Assert.Contains($"DurableEngine:{setting}", error.Message, StringComparison.Ordinal);
    }
}
