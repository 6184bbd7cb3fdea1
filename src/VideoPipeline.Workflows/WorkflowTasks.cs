using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows;

/// <summary>Every orchestrator and activity class of the pipeline, for a host to register with its durable runtime.</summary>
public static class WorkflowTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(JobOrchestrator), typeof(ShotOrchestrator), typeof(CandidateOrchestrator), typeof(AwaitProviderTaskOrchestrator),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(PlanJobActivity), typeof(SubmitCandidateActivity), typeof(ReadProviderStatusActivity), typeof(StoreCandidateActivity),
        typeof(ScoreCandidateActivity), typeof(RefinePromptActivity), typeof(PublishWinnerActivity), typeof(WriteManifestActivity),
        typeof(NotifyCallbackActivity),
    ];
}
