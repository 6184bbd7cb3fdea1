namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Starts, queries, signals and ends orchestration instances. Mirrors <c>Microsoft.DurableTask.Client.DurableTaskClient</c>
/// member for member (the listing is an async stream rather than the SDK's pageable).
/// </summary>
public abstract class OrchestrationClient
{
    /// <summary>
    /// Schedules a new instance and returns its id. An existing instance with the same id is replaced unless its
    /// status is one of <see cref="StartOrchestrationOptions.DedupeStatuses"/> (by default pending or running),
    /// in which case this throws <see cref="InvalidOperationException"/> and the existing instance is untouched.
    /// </summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);

    /// <summary>
    /// Sends an event to an instance. The event is kept until the instance waits for it; an event for an instance that
    /// has finished is discarded. Throws <see cref="ArgumentException"/> when no such instance exists.
    /// </summary>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>The instance's state, or null when there is no such instance.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance is completed, failed or terminated.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Ends a pending or running instance: its pending timers and activities are dropped and it is marked terminated.</summary>
    public abstract Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Removes a finished instance and its history. A pending or running instance is not purged.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Lists instances matching the filter, oldest first.</summary>
    public abstract IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null, CancellationToken cancellation = default);
}
