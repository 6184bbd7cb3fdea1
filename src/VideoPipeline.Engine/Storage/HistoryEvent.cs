namespace VideoPipeline.Engine.Storage;

/// <summary>
/// One entry of an instance's history, or a message waiting in its inbox to become one.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="TaskId">The sequence number of the action it belongs to (activity, timer, sub-orchestration), or -1.</param>
/// <param name="Name">Activity, orchestrator or event name.</param>
/// <param name="Payload">Serialized input, result, event data, or failure details.</param>
/// <param name="Target">The child instance id of a sub-orchestration.</param>
/// <param name="Timestamp">When it happened; for a timer, when it fires.</param>
internal sealed record HistoryEvent(HistoryEventKind Kind, int TaskId, string? Name, string? Payload, string? Target, DateTime Timestamp)
{
    public static HistoryEvent Of(HistoryEventKind kind, DateTime timestamp, int taskId = -1, string? name = null, string? payload = null, string? target = null) =>
        new(kind, taskId, name, payload, target, timestamp);
}
