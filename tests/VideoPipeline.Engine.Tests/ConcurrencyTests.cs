using VideoPipeline.Domain.Orchestration;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Engine.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task No_more_activities_run_at_once_than_MaxConcurrentActivityFunctions()
    {
        const int limit = 3;
        var running = 0;
        var mostAtOnce = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new EngineHarness(configure: o => o.MaxConcurrentActivityFunctions = limit);
        harness.Registry
            .AddActivity("Hold", () => new Activity<int, int>(async i =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostAtOnce, now);
                await gate.Task;
                Interlocked.Decrement(ref running);
                return i;
            }))
            .AddOrchestrator("FanOut", () => new Orchestrator<int, int>(async (context, n) =>
                (await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>("Hold", i)))).Length));
        await harness.StartAsync();

        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 12);
        await Eventually.TrueAsync(() => Volatile.Read(ref running) == limit, "three activities running");
        gate.SetResult();
        var result = await harness.CompletionAsync(id);

        Assert.Equal(12, result.ReadOutputAs<int>());
        Assert.Equal(limit, mostAtOnce);
    }

    [Fact]
    public async Task No_more_orchestrator_episodes_run_at_once_than_MaxConcurrentOrchestratorFunctions()
    {
        const int limit = 2;
        var running = 0;
        var mostAtOnce = 0;
        using var gate = new ManualResetEventSlim();
        await using var harness = new EngineHarness(configure: o => o.MaxConcurrentOrchestratorFunctions = limit);
        harness.Registry.AddOrchestrator("Busy", () => new Orchestrator<int, int>((context, i) =>
        {
            // Blocking is forbidden in real orchestrators; here it holds an episode open so the bound shows.
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            gate.Wait(EngineHarness.Deadline);
            Interlocked.Decrement(ref running);
            return Task.FromResult(i);
        }));
        await harness.StartAsync();

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await harness.Client.ScheduleNewOrchestrationInstanceAsync("Busy", i));
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref running) == limit, "two episodes running");
        gate.Set();
        foreach (var id in ids)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.CompletionAsync(id)).RuntimeStatus);
        }

        Assert.Equal(limit, mostAtOnce);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
