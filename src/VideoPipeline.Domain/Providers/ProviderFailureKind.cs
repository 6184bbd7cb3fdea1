namespace VideoPipeline.Domain.Providers;

/// <summary>Why a provider call or task failed, which decides whether anything may be retried.</summary>
public enum ProviderFailureKind
{
    /// <summary>Worth another attempt later (outage, throttling that outlasted the retries).</summary>
    Transient,

    /// <summary>Will fail again the same way (bad request, auth, retired model).</summary>
    Permanent,

    /// <summary>The provider's safety system refused the prompt or the output: never retried.</summary>
    Moderation,

    /// <summary>The submit's response was lost and the task could not be found again: re-posting could pay twice.</summary>
    InDoubt,
}
