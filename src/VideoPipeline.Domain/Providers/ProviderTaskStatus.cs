namespace VideoPipeline.Domain.Providers;

/// <summary>
/// A task's state as observed at <see cref="ObservedAt"/>. Observations arrive out of order (callbacks
/// are duplicated and reordered, polls race them); <see cref="Advance"/> keeps the state monotonic.
/// </summary>
public sealed record ProviderTaskStatus(
    string TaskId,
    ProviderTaskState State,
    DateTimeOffset ObservedAt,
    IReadOnlyList<Uri>? ResultUrls = null,
    ProviderFailure? Failure = null,
    double? Progress = null)
{
    public bool IsTerminal => State is ProviderTaskState.Succeeded or ProviderTaskState.Failed;

    /// <summary>
    /// The state to keep after seeing <paramref name="next"/>: a terminal state never changes and a
    /// non-terminal one never goes backwards; a later observation of the same terminal state may only
    /// refresh its result URLs (they expire).
    /// </summary>
    public ProviderTaskStatus Advance(ProviderTaskStatus next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!string.Equals(next.TaskId, TaskId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"status of task '{next.TaskId}' cannot advance task '{TaskId}'", nameof(next));
        }

        if (IsTerminal)
        {
            return next.State == State && State == ProviderTaskState.Succeeded && next.ResultUrls is { Count: > 0 }
                ? this with { ResultUrls = next.ResultUrls, ObservedAt = next.ObservedAt }
                : this;
        }

        return next.State >= State ? next : this;
    }

    public static ProviderTaskStatus Failed(string taskId, DateTimeOffset observedAt, ProviderFailure failure) =>
        new(taskId, ProviderTaskState.Failed, observedAt, Failure: failure);
}
