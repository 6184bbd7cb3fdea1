namespace VideoPipeline.Workflows.Services;

/// <summary>The outcome, the instance it went to, and the reason when rejected (for the log: never echo it to the caller).</summary>
public sealed record CallbackResult(CallbackOutcome Outcome, string? InstanceId = null, string? Reason = null);
