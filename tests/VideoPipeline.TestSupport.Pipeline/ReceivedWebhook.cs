using VideoPipeline.Workflows.Services;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>
/// One request the webhook receiver handled: when it arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp)
/// and what CallbackService made of it; <see cref="Outcome"/> is null for a request the receiver was told to lose.
/// </summary>
public sealed record ReceivedWebhook(string ProviderId, long ArrivedAt, CallbackOutcome? Outcome, string? InstanceId, string? Reason, int StatusCode);
