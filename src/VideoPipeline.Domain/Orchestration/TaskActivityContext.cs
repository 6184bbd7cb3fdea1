namespace VideoPipeline.Domain.Orchestration;

/// <summary>What an activity knows about its call. Mirrors <c>Microsoft.DurableTask.TaskActivityContext</c>.</summary>
public abstract class TaskActivityContext
{
    public abstract TaskName Name { get; }

    /// <summary>The id of the orchestration instance that called the activity.</summary>
    public abstract string InstanceId { get; }
}
