namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Mirrors <c>Microsoft.DurableTask.Client.OrchestrationRuntimeStatus</c>; the numeric values match the SDK's so
/// the Functions adapter can cast. The SDK's obsolete and suspend-related values are left out until needed.
/// </summary>
public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    Failed = 3,
    Terminated = 5,
    Pending = 6,
}
