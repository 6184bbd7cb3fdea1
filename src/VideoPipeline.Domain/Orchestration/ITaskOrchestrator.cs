namespace VideoPipeline.Domain.Orchestration;

/// <summary>The untyped face of an orchestrator that an engine runs. Implement <see cref="TaskOrchestrator{TInput, TOutput}"/> instead.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(OrchestrationContext context, object? input);
}
