using System.Collections.Concurrent;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine.Storage;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Engine.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task An_instance_resumes_after_an_engine_restart_without_rerunning_recorded_activities()
    {
        var runs = new ConcurrentQueue<string>();
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Step", () => new Activity<string, string>(step =>
            {
                runs.Enqueue(step);
                return Task.FromResult(step);
            }))
            .AddOrchestrator("TwoHalves", () => new Orchestrator<string, string>(async (context, _) =>
            {
                var first = await context.CallActivityAsync<string>("Step", "before");
                var approval = await context.WaitForExternalEvent<string>("Approval");
                var second = await context.CallActivityAsync<string>("Step", "after");
                return $"{first}+{approval}+{second}";
            }));
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("TwoHalves");
        await Eventually.TrueAsync(() => harness.QueryScalar($"SELECT COUNT(*) FROM history WHERE instance_id = $id AND kind = {(int)HistoryEventKind.TaskCompleted}", id) == 1, "first step recorded");

        await harness.RestartAsync();
        await harness.Client.RaiseEventAsync(id, "approval", "ok");
        var result = await harness.CompletionAsync(id);

        Assert.Equal("before+ok+after", result.ReadOutputAs<string>());
        Assert.Equal(["before", "after"], runs);
    }
}
