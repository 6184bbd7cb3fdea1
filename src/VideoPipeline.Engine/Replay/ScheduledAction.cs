using VideoPipeline.Engine.Storage;

namespace VideoPipeline.Engine.Replay;

/// <summary>Something orchestrator code scheduled (an activity, timer or sub-orchestration), matched to history by <see cref="TaskId"/>.</summary>
internal sealed class ScheduledAction(HistoryEventKind kind, int taskId, string name, string? input, string? target, DateTime fireAt)
{
    public HistoryEventKind Kind { get; } = kind;

    public int TaskId { get; } = taskId;

    public string Name { get; } = name;

    public string? Input { get; } = input;

    /// <summary>The child instance id of a sub-orchestration.</summary>
    public string? Target { get; } = target;

    public DateTime FireAt { get; } = fireAt;

    /// <summary>True once history shows the action was scheduled in an earlier episode.</summary>
    public bool Recorded { get; set; }

    public bool Cancelled { get; set; }

    public TaskCompletionSource<string?> Completion { get; } = new();

    public CancellationTokenRegistration Registration { get; set; }

    public HistoryEvent ToHistoryEvent(DateTime now) => Kind == HistoryEventKind.TimerCreated
        ? HistoryEvent.Of(Kind, FireAt, TaskId, Name)
        : HistoryEvent.Of(Kind, now, TaskId, Name, Input, Target);
}
