using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Races <see cref="ProbeEvents.Go"/> against a timer of the given length and cancels the loser: "event:payload" or "timer".</summary>
public sealed class EventOrTimerOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var cancel = new CancellationTokenSource();
        var go = context.WaitForExternalEvent<string>(ProbeEvents.Go, cancel.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime + input, cancel.Token);
        var first = await Task.WhenAny(go, timer);
        cancel.Cancel();
        return first == go ? $"event:{await go}" : "timer";
    }
}
