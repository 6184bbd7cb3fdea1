namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// When to look at a provider task without a webhook: first near the provider's typical latency, then twice as late
/// after each unanswered check up to <see cref="LongestCheckInterval"/>, giving up <see cref="Deadline"/> after the submit.
/// </summary>
public sealed record CandidateTiming(TimeSpan FirstCheckAfter, TimeSpan LongestCheckInterval, TimeSpan Deadline);
