using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// What a webhook said about a task, as raised to the waiting orchestration. Only an authoritative update with a
/// terminal <see cref="Status"/> is applied as is; anything else is a hint that triggers one status read.
/// </summary>
public sealed record ProviderUpdate(CallbackTrust Trust, ProviderTaskStatus? Status)
{
    public bool IsAuthoritativeResult => Trust == CallbackTrust.Authoritative && Status is { IsTerminal: true };
}
