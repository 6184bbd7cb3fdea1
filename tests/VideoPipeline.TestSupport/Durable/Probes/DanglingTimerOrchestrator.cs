using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Starts a timer of the given length, never awaits nor cancels it, says "returned" in its custom status and returns.</summary>
public sealed class DanglingTimerOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public const string Returned = "returned";

    public override Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = context.CreateTimer(context.CurrentUtcDateTime + input, CancellationToken.None);
        context.SetCustomStatus(Returned);
        return Task.FromResult(Returned);
    }
}
