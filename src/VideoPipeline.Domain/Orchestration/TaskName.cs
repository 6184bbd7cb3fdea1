namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// The name of an orchestrator or activity, as registered. Mirrors <c>Microsoft.DurableTask.TaskName</c>
/// (without versions, which nothing here needs); strings convert implicitly so call sites read like the SDK's.
/// </summary>
public readonly record struct TaskName
{
    public TaskName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public static implicit operator TaskName(string name) => new(name);

    public static TaskName FromString(string name) => new(name);

    public override string ToString() => Name;
}
