namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Options for scheduling a new instance. Mirrors <c>Microsoft.DurableTask.StartOrchestrationOptions</c>.
/// </summary>
/// <param name="InstanceId">The id of the new instance; a new GUID when not given.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null)
{
    /// <summary>
    /// The statuses in which an existing instance with the same id makes the request fail (the SDK's
    /// <c>DedupeStatuses</c>); an instance in any other status is replaced. When not given, a pending or running
    /// instance is never replaced, as with the Durable Functions default.
    /// </summary>
    public IReadOnlyList<OrchestrationRuntimeStatus>? DedupeStatuses { get; init; }
}
