namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Input of <see cref="AwaitProviderTaskOrchestrator"/>: which task to wait for, when to check it without a webhook
/// (<see cref="NextCheckAfter"/>, doubled after every unanswered check up to <see cref="LongestCheckInterval"/>) and the
/// deadline after which the wait gives up. <see cref="StatusReads"/> carries the count across <c>ContinueAsNew</c>.
/// </summary>
public sealed record ProviderWait(
    string ProviderId,
    string TaskId,
    DateTime Deadline,
    TimeSpan NextCheckAfter,
    TimeSpan LongestCheckInterval,
    int StatusReads = 0);
