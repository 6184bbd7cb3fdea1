namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// An orchestrator. Mirrors <c>Microsoft.DurableTask.TaskOrchestrator&lt;TInput, TOutput&gt;</c>. Its code is replayed,
/// so it must be deterministic: time from <see cref="OrchestrationContext.CurrentUtcDateTime"/>, ids from
/// <see cref="OrchestrationContext.NewGuid"/>, every wait through the context, all I/O in activities.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(OrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(OrchestrationContext context, object? input) => await RunAsync(context, (TInput)input!);
}
