using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Waits for <see cref="ProbeEvents.Go"/> and returns the orchestration time of the episode that saw it (raise→observe latency).</summary>
public sealed class ObserveEventOrchestrator : TaskOrchestrator<string, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.WaitForExternalEvent<string>(ProbeEvents.Go);
        return context.CurrentUtcDateTime;
    }
}
