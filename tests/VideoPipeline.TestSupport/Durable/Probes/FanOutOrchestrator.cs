using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Starts <c>n</c> <see cref="ChildOrchestrator"/>s with ids <c>{instance}:c{k}</c>, waits for all, returns their answers in order.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var children = Enumerable.Range(0, input)
            .Select(k => context.CallSubOrchestratorAsync<string>(
                nameof(ChildOrchestrator), $"item {k}", new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:c{k}" }))
            .ToList();
        return await Task.WhenAll(children);
    }
}
