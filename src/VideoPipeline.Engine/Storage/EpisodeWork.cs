namespace VideoPipeline.Engine.Storage;

/// <summary>Everything one episode needs: the instance, its recorded history, and the messages now due.</summary>
internal sealed record EpisodeWork(InstanceRecord Instance, IReadOnlyList<HistoryEvent> History, IReadOnlyList<InboxMessage> Messages);
