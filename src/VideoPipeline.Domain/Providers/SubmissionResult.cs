namespace VideoPipeline.Domain.Providers;

/// <summary>
/// The outcome of a submit: a task id (possibly found again after a lost response, <see cref="Reconciled"/>),
/// or a failure. An in-doubt submit that could not be reconciled is a failure of kind
/// <see cref="ProviderFailureKind.InDoubt"/>: never re-post it, re-route the slot instead.
/// </summary>
public sealed record SubmissionResult(string? TaskId, ProviderFailure? Failure, bool Reconciled = false)
{
    public bool Accepted => TaskId is not null;

    public static SubmissionResult Ok(string taskId, bool reconciled = false) => new(taskId, null, reconciled);

    public static SubmissionResult Failed(ProviderFailure failure) => new(null, failure);
}
