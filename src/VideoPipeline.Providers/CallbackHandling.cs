using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers;

/// <summary>
/// The one way a callback may change a candidate's provider state: a rejected callback changes
/// nothing, a hint is replaced by the provider's own answer, and whatever is applied goes through
/// <see cref="ProviderTaskStatus.Advance"/>, so duplicates and reordering never regress a terminal state.
/// </summary>
public static class CallbackHandling
{
    public static async Task<ProviderTaskStatus> ApplyAsync(
        IVideoProvider provider, ProviderTaskStatus current, ProviderCallback callback, CancellationToken cancellationToken)
    {
        var verdict = await provider.VerifyCallbackAsync(callback, cancellationToken);
        if (verdict.Trust == CallbackTrust.Rejected || !string.Equals(verdict.TaskId, current.TaskId, StringComparison.Ordinal))
        {
            return current;
        }

        var observed = verdict.Trust == CallbackTrust.Authoritative && verdict.Status is { } status
            ? status
            : await provider.GetStatusAsync(current.TaskId, cancellationToken);
        return current.Advance(observed);
    }
}
