using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>How a wait ended, the last status seen, and how many status reads it cost (the pipeline's bench counts them).</summary>
public sealed record ProviderWaitResult(ProviderWaitOutcome Outcome, ProviderTaskStatus? Status, int StatusReads, bool ByWebhook);
