namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// An activity: the unit of work that may do I/O. Mirrors <c>Microsoft.DurableTask.TaskActivity&lt;TInput, TOutput&gt;</c>.
/// An activity may run more than once (at-least-once), so make it idempotent.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) => await RunAsync(context, (TInput)input!);
}
