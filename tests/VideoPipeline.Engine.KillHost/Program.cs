using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine;
using VideoPipeline.Engine.KillHost;

// Usage: KillHost DATABASE MARKER_FILE INSTANCE_ID. Starts the instance unless the database already holds it,
// then waits for it to finish and prints its status and output. Killing this process at any point is the test.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: VideoPipeline.Engine.KillHost DATABASE MARKER_FILE INSTANCE_ID");
    return 2;
}

var (database, marker, instanceId) = (args[0], args[1], args[2]);
var registry = new DurableTaskRegistry()
    .AddOrchestrator<StepsOrchestrator>(StepsOrchestrator.Name)
    .AddActivity(StepActivity.Name, new StepActivity(marker));

await using var engine = new DurableEngine(registry, new DurableEngineOptions { DatabasePath = database });
await engine.StartAsync();
if (await engine.Client.GetInstanceAsync(instanceId) is null)
{
    await engine.Client.ScheduleNewOrchestrationInstanceAsync(StepsOrchestrator.Name, 0, new StartOrchestrationOptions(instanceId));
}

var result = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true);
Console.WriteLine($"{result.RuntimeStatus} {result.SerializedOutput}");
return result.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
