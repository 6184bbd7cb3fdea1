namespace VideoPipeline.Engine.Storage;

/// <summary>What became runnable because a transaction committed: the engine hands these to its dispatchers.</summary>
internal sealed class CommitResult
{
    public List<ActivityWorkItem> Activities { get; } = [];

    public List<string> ReadyInstances { get; } = [];

    public List<(string InstanceId, DateTime FireAt)> Timers { get; } = [];

    public List<string> TerminalInstances { get; } = [];
}
