using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Does some work first, then waits for <see cref="ProbeEvents.Go"/>: an event raised meanwhile must be buffered.</summary>
public sealed class LateWaitOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CreateTimer(context.CurrentUtcDateTime + input, CancellationToken.None);
        await context.CallActivityAsync<string>(nameof(EchoActivity), "before the wait");
        return await context.WaitForExternalEvent<string>(ProbeEvents.Go);
    }
}
