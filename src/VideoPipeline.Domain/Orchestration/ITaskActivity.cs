namespace VideoPipeline.Domain.Orchestration;

/// <summary>The untyped face of an activity that an engine runs. Implement <see cref="TaskActivity{TInput, TOutput}"/> instead.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
