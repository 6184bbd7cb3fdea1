namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// Thrown into orchestrator code when an activity or sub-orchestration it awaited failed (after any retries).
/// Mirrors <c>Microsoft.DurableTask.TaskFailedException</c>: the original exception is gone, its details remain.
/// </summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException()
        : this("(unknown)", -1, new TaskFailureDetails("(unknown)", "(unknown)", null, null))
    {
    }

    public TaskFailedException(string message)
        : this("(unknown)", -1, new TaskFailureDetails("(unknown)", message, null, null))
    {
    }

    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "(unknown)";
        TaskId = -1;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
