namespace VideoPipeline.Domain.Providers;

/// <summary>How far a callback may be believed.</summary>
public enum CallbackTrust
{
    /// <summary>Forged, stale, malformed or unknown: must not change any state.</summary>
    Rejected,

    /// <summary>Names a task but proves nothing (unsigned, or signed without covering the state): query the provider.</summary>
    Hint,

    /// <summary>Signed over the whole body and fresh: its state may be applied without a query.</summary>
    Authoritative,
}
