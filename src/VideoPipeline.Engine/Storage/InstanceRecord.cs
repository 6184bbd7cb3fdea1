using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Storage;

/// <summary>The instances table row: status and the latest outputs, so status queries never read history.</summary>
internal sealed record InstanceRecord(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationRuntimeStatus Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    string? Failure,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? ParentInstanceId,
    string? ParentExecutionId,
    int ParentTaskId)
{
    public bool IsTerminal => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
