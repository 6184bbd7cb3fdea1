namespace VideoPipeline.Domain.Providers;

/// <summary>A provider task's state, normalised across providers. Ordered: later never goes back to earlier.</summary>
public enum ProviderTaskState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
