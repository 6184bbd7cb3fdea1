using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class SubOrchestrationTests
{
    [Fact]
    public async Task A_sub_orchestration_runs_under_the_instance_id_the_caller_chose_and_returns_its_output()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddOrchestrator("Job", () => new Orchestrator<string, string[]>(async (context, jobId) =>
                await Task.WhenAll(Enumerable.Range(0, 3).Select(shot =>
                    context.CallSubOrchestratorAsync<string>("Shot", shot, new SubOrchestrationOptions(instanceId: $"{jobId}:s{shot}"))))))
            .AddOrchestrator("Shot", () => new Orchestrator<int, string>((context, shot) => Task.FromResult($"{context.InstanceId} did shot {shot}")));
        await harness.StartAsync();

        var result = await harness.RunAsync("Job", "job7", instanceId: "job7");

        Assert.Equal(["job7:s0 did shot 0", "job7:s1 did shot 1", "job7:s2 did shot 2"], result.ReadOutputAs<string[]>()!);
        var child = await harness.Client.GetInstanceAsync("job7:s1");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("Shot", child.Name);
    }

    [Fact]
    public async Task A_failed_sub_orchestration_surfaces_as_TaskFailedException_in_the_parent()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddOrchestrator("Parent", () => new Orchestrator<string, string>(async (context, _) =>
            {
                try
                {
                    return await context.CallSubOrchestratorAsync<string>("Child", options: new SubOrchestrationOptions(instanceId: "child-1"));
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}: {ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
                }
            }))
            .AddOrchestrator("Child", () => new Orchestrator<string, string>((_, _) => throw new InvalidOperationException("budget exceeded")));
        await harness.StartAsync();

        var result = await harness.RunAsync("Parent");

        Assert.Equal("Child: System.InvalidOperationException: budget exceeded", result.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await harness.Client.GetInstanceAsync("child-1"))!.RuntimeStatus);
    }

    [Fact]
    public async Task A_terminated_sub_orchestration_fails_the_call_in_the_parent()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddOrchestrator("Parent", () => new Orchestrator<string, string>(async (context, _) =>
            {
                try
                {
                    return await context.CallSubOrchestratorAsync<string>("Child", options: new SubOrchestrationOptions(instanceId: "stuck-child"));
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            }))
            .AddOrchestrator("Child", () => new Orchestrator<string, string>((context, _) => context.WaitForExternalEvent<string>("Never")));
        await harness.StartAsync();

        var parent = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await harness.WaitForAsync("stuck-child", m => m.IsRunning);
        await harness.Client.TerminateInstanceAsync("stuck-child");
        var result = await harness.CompletionAsync(parent);

        Assert.Contains("terminated", result.ReadOutputAs<string>(), StringComparison.Ordinal);
    }
}
