using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Publishes its input as custom status, then waits for <see cref="ProbeEvents.Go"/> and returns its payload.</summary>
public sealed class StatusThenWaitOrchestrator : TaskOrchestrator<ProbeStatus, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, ProbeStatus input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetCustomStatus(input);
        return context.WaitForExternalEvent<string>(ProbeEvents.Go);
    }
}
