namespace VideoPipeline.Engine.Storage;

/// <summary>A message in an instance's inbox, with its row id so the episode that consumes it can delete it.</summary>
internal sealed record InboxMessage(long Id, HistoryEvent Event);
