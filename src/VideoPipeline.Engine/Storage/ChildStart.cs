namespace VideoPipeline.Engine.Storage;

/// <summary>A sub-orchestration an episode starts: created, or replaced if finished, in the parent's transaction.</summary>
internal sealed record ChildStart(string InstanceId, string Name, string? Input, int ParentTaskId);
