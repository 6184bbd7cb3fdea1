namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// How a task is retried. Mirrors <c>Microsoft.DurableTask.TaskRetryOptions</c> for the declarative policy only;
/// the SDK's imperative retry handler is left out until a workflow needs it.
/// </summary>
public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    public RetryPolicy Policy { get; }

    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
