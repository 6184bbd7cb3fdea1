namespace VideoPipeline.Workflows.Services;

/// <summary>What became of a provider callback; a host maps it to its answer (e.g. 401 for rejected, 2xx otherwise).</summary>
public enum CallbackOutcome
{
    /// <summary>Raised to the candidate waiting for the task.</summary>
    Delivered,

    /// <summary>Forged, stale, malformed, or naming a task its route token does not own: nothing changed.</summary>
    Rejected,

    /// <summary>Verified but for a task no candidate registered (or a provider we do not know): nothing to do.</summary>
    Unknown,
}
