namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// A declarative retry policy for activity and sub-orchestration calls. Mirrors
/// <c>Microsoft.DurableTask.RetryPolicy</c>: the delay before attempt n+1 is
/// <c>min(FirstRetryInterval × BackoffCoefficient^(n-1), MaxRetryInterval)</c>, and retries stop at
/// <see cref="MaxNumberOfAttempts"/>, at <see cref="RetryTimeout"/> or when <see cref="Handle"/> says no.
/// </summary>
public sealed class RetryPolicy
{
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNumberOfAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        if (maxRetryInterval is { } max && max < firstRetryInterval && max != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), max, $"must be at least {nameof(firstRetryInterval)} ({firstRetryInterval})");
        }

        if (retryTimeout is { } timeout && timeout < firstRetryInterval && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryTimeout), timeout, $"must be at least {nameof(firstRetryInterval)} ({firstRetryInterval})");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        Handle = _ => true;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides from the failure whether another attempt is worth it; by default every failure is retried.</summary>
    public Func<Exception, bool> Handle { get; private init; }

    /// <summary>Sets <see cref="Handle"/> from a filter over the failure's details (its error type and message).</summary>
    public Func<TaskFailureDetails, bool> HandleTaskFailureDetails
    {
        init => Handle = ex => ex is TaskFailedException failed && value(failed.FailureDetails);
    }

    /// <summary>The delay before the attempt that follows attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan GetRetryDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        var delay = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        if (MaxRetryInterval != Timeout.InfiniteTimeSpan)
        {
            delay = Math.Min(delay, MaxRetryInterval.TotalMilliseconds);
        }

        return TimeSpan.FromMilliseconds(Math.Min(delay, TimeSpan.MaxValue.TotalMilliseconds / 2));
    }
}
