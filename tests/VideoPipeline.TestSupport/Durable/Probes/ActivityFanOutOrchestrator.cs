using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Runs <c>n</c> activities at once and counts the answers (the runtime bench's throughput probe).</summary>
public sealed class ActivityFanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = Enumerable.Range(0, input).Select(k => context.CallActivityAsync<string>(nameof(EchoActivity), $"{k}")).ToList();
        return (await Task.WhenAll(calls)).Length;
    }
}
