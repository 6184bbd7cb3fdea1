namespace VideoPipeline.Engine.Storage;

/// <summary>An activity call waiting to run; its row is deleted in the same transaction that records its result.</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);
