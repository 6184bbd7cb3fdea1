using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Returns the orchestration time of its first episode (start→running latency).</summary>
public sealed class StartedAtOrchestrator : TaskOrchestrator<string, DateTime>
{
    public override Task<DateTime> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.CurrentUtcDateTime);
    }
}
