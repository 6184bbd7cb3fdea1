namespace VideoPipeline.Engine.Storage;

/// <summary>
/// The whole outcome of one episode, written in one transaction: a crash leaves either all of it or none of it,
/// and the consumed messages stay in the inbox when none of it was written.
/// </summary>
internal sealed class EpisodeCommit(InstanceRecord instance)
{
    public InstanceRecord Instance { get; set; } = instance;

    public int FirstSequence { get; init; }

    public List<HistoryEvent> NewHistory { get; } = [];

    public List<long> ConsumedMessageIds { get; } = [];

    public List<(int TaskId, string Name, string? Input)> Activities { get; } = [];

    public List<(int TaskId, DateTime FireAt)> Timers { get; } = [];

    public List<int> CancelledTimers { get; } = [];

    public List<ChildStart> Children { get; } = [];

    /// <summary>Messages to the instance itself, e.g. the failure of a sub-orchestration that could not start.</summary>
    public List<HistoryEvent> SelfMessages { get; } = [];
}
