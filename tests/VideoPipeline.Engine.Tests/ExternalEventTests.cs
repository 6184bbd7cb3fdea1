using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class ExternalEventTests
{
    [Fact]
    public async Task An_event_raised_before_the_wait_is_delivered_to_it()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Step", () => new Activity<string, string>(Task.FromResult))
            .AddOrchestrator("LateWaiter", () => new Orchestrator<string, string>(async (context, _) =>
            {
                context.SetCustomStatus("working");
                await context.WaitForExternalEvent<string>("Go");
                return await context.WaitForExternalEvent<string>("Approval");
            }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("LateWaiter");
        await harness.WaitForAsync(id, m => m.ReadCustomStatusAs<string>() == "working");
        await harness.Client.RaiseEventAsync(id, "Approval", "approved by ana");
        await harness.Client.RaiseEventAsync(id, "Go");
        var result = await harness.CompletionAsync(id);

        Assert.Equal("approved by ana", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_names_are_case_insensitive()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Wait", () => new Orchestrator<string, int>((context, _) => context.WaitForExternalEvent<int>("ProviderUpdate")));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait");
        await harness.Client.RaiseEventAsync(id, "PROVIDERUPDATE", 42);
        var result = await harness.CompletionAsync(id);

        Assert.Equal(42, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task One_event_completes_one_waiter()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("TwoWaiters", () => new Orchestrator<string, string>(async (context, _) =>
        {
            var first = context.WaitForExternalEvent<string>("Vote");
            var second = context.WaitForExternalEvent<string>("Vote");
            await Task.WhenAny(first, second);
            context.SetCustomStatus(new[] { first.IsCompleted, second.IsCompleted });
            return string.Join(",", await first, await second);
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("TwoWaiters");
        await harness.Client.RaiseEventAsync(id, "Vote", "a");
        var afterOne = await harness.WaitForAsync(id, m => m.SerializedCustomStatus is not null);
        await harness.Client.RaiseEventAsync(id, "Vote", "b");
        var result = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, afterOne.RuntimeStatus);
        Assert.Equal(new[] { true, false }, afterOne.ReadCustomStatusAs<bool[]>());
        Assert.Equal("a,b", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_for_an_instance_that_does_not_exist_is_refused()
    {
        await using var harness = await new EngineHarness().StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.RaiseEventAsync("nobody", "Go"));
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_later_events_buffered_for_the_next_wait()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("CancelThenWait", () => new Orchestrator<string, string>(async (context, _) =>
        {
            using var cancel = new CancellationTokenSource();
            var abandoned = context.WaitForExternalEvent<string>("Answer", cancel.Token);
            cancel.Cancel();
            context.SetCustomStatus(abandoned.IsCanceled ? "cancelled" : "not cancelled");
            await context.WaitForExternalEvent<string>("Go");
            return await context.WaitForExternalEvent<string>("Answer");
        }));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("CancelThenWait");
        await harness.Client.RaiseEventAsync(id, "Answer", "kept");
        await harness.Client.RaiseEventAsync(id, "Go");
        var result = await harness.CompletionAsync(id);

        Assert.Equal("\"cancelled\"", result.SerializedCustomStatus);
        Assert.Equal("kept", result.ReadOutputAs<string>());
    }
}
