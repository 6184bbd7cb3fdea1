namespace VideoPipeline.Domain.Orchestration;

/// <summary>Options for terminating an instance. Mirrors <c>Microsoft.DurableTask.Client.TerminateInstanceOptions</c>.</summary>
/// <param name="Output">The output recorded for the terminated instance.</param>
public sealed record TerminateInstanceOptions(object? Output = null);
