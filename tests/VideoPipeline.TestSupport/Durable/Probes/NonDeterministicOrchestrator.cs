using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>
/// Schedules a different activity on replay than it did the first time (through a static counter, the kind of hidden
/// state the orchestrator rules forbid): the runtime must fail the instance rather than go on.
/// </summary>
public sealed class NonDeterministicOrchestrator : TaskOrchestrator<string, string>
{
    private static readonly ConcurrentDictionary<string, int> Runs = new(StringComparer.Ordinal);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = Runs.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1) == 1 ? nameof(EchoActivity) : nameof(FailingActivity);
        await context.CallActivityAsync<string>(name, input);
        return await context.CallActivityAsync<string>(nameof(EchoActivity), "second");
    }
}
