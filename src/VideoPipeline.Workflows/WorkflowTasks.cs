using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows;

/// <summary>Every orchestrator and activity class of the pipeline, for a host to register with its durable runtime.</summary>
public static class WorkflowTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(AwaitProviderTaskOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } = [typeof(ReadProviderStatusActivity)];
}
