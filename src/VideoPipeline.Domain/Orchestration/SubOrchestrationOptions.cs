namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Options for a sub-orchestration call. Mirrors <c>Microsoft.DurableTask.SubOrchestrationOptions</c>:
/// <see cref="InstanceId"/> is the child's id; without one the engine derives a replay-safe id.
/// </summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InstanceId = instanceId ?? (options as SubOrchestrationOptions)?.InstanceId;
    }

    public string? InstanceId { get; init; }
}
