namespace VideoPipeline.Domain.Orchestration;

/// <summary>How many instances a purge removed. Mirrors <c>Microsoft.DurableTask.Client.PurgeResult</c>.</summary>
public sealed record PurgeResult(int PurgedInstanceCount);
