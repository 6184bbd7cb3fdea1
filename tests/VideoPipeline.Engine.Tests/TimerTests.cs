using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task A_durable_timer_completes_when_its_time_comes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("Nap", () => new Orchestrator<string, DateTime>(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(30), CancellationToken.None);
            return context.CurrentUtcDateTime;
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Nap");
        await harness.WaitForAsync(id, m => m.IsRunning);
        time.Advance(TimeSpan.FromMinutes(29));
        var early = await harness.Client.GetInstanceAsync(id);
        time.Advance(TimeSpan.FromMinutes(1));
        var result = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, early!.RuntimeStatus);
        Assert.Equal(new DateTime(2026, 11, 22, 8, 30, 0, DateTimeKind.Utc), result.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task The_loser_of_a_WhenAny_race_between_event_and_timer_is_cancelled_and_the_instance_completes()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("Race", () => new Orchestrator<string, string>(async (context, _) =>
        {
            using var cancelTimer = new CancellationTokenSource();
            var update = context.WaitForExternalEvent<string>("ProviderUpdate");
            var check = context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), cancelTimer.Token);
            if (await Task.WhenAny(update, check) == update)
            {
                cancelTimer.Cancel();
                return await update;
            }

            return "timer";
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await harness.Client.RaiseEventAsync(id, "ProviderUpdate", "succeeded");
        var result = await harness.CompletionAsync(id);

        Assert.Equal("succeeded", result.ReadOutputAs<string>());
        Assert.Equal(0, harness.QueryScalar("SELECT COUNT(*) FROM inbox WHERE instance_id = $id", id));
    }

    [Fact]
    public async Task When_the_timer_wins_the_race_the_event_wait_is_cancelled_and_the_instance_completes()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("Race", () => new Orchestrator<string, string>(async (context, _) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("ProviderUpdate", TimeSpan.FromMinutes(5));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await harness.WaitForAsync(id, m => m.IsRunning);
        time.Advance(TimeSpan.FromMinutes(5));
        var result = await harness.CompletionAsync(id);

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_timer_that_is_neither_fired_nor_cancelled_keeps_the_instance_running()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("ForgetsTimer", () => new Orchestrator<string, string>(async (context, input) =>
        {
            var forgotten = context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            await context.WaitForExternalEvent<string>("Go");
            context.SetCustomStatus("returned");
            return "done";
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("ForgetsTimer");
        await harness.Client.RaiseEventAsync(id, "Go");
        var returned = await harness.WaitForAsync(id, m => m.SerializedCustomStatus is not null);
        time.Advance(TimeSpan.FromHours(1));
        var result = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, returned.RuntimeStatus);
        Assert.Equal("done", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_durable_timer_survives_an_engine_restart()
    {
        var time = new FakeTimeProvider();
        await using var harness = new EngineHarness(time);
        harness.Registry.AddOrchestrator("Nap", () => new Orchestrator<string, string>(async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromHours(2), CancellationToken.None);
            return "woke";
        }));
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Nap");
        await harness.WaitForAsync(id, m => m.IsRunning);

        await harness.RestartAsync();
        time.Advance(TimeSpan.FromHours(2));
        var result = await harness.CompletionAsync(id);

        Assert.Equal("woke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Awaiting_something_that_is_not_durable_fails_the_instance_with_a_clear_error()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Sleeps", () => new Orchestrator<string, string>(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            return "woke";
        }));
        await harness.StartAsync();

        var result = await harness.RunAsync("Sleeps");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("not durable", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
