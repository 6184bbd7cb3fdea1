namespace VideoPipeline.Domain.Orchestration;

/// <summary>Options for one activity or sub-orchestration call. Mirrors <c>Microsoft.DurableTask.TaskOptions</c>.</summary>
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry = null)
    {
        Retry = retry;
    }

    public TaskRetryOptions? Retry { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>Options for a sub-orchestration with a caller-chosen instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}
