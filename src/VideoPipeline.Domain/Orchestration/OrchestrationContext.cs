using Microsoft.Extensions.Logging;

namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// What orchestrator code may do. Mirrors <c>Microsoft.DurableTask.TaskOrchestrationContext</c> name for name and
/// semantics for semantics (ARCHITECTURE.md, "The orchestration port"), so the Functions host adapts it a line per
/// member and the embedded engine implements it with the same durable behaviour.
/// </summary>
public abstract class OrchestrationContext
{
    /// <summary>The name of the running orchestrator.</summary>
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The replay-safe current time: the same value at the same point of every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-runs history it already recorded; false once it makes new progress.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Runs an activity and completes with its result, or throws <see cref="TaskFailedException"/> once its retries are spent.</summary>
    public abstract Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null);

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object>(name, input, options);

    /// <summary>
    /// Runs another orchestrator as a child instance (id from <see cref="SubOrchestrationOptions.InstanceId"/>) and
    /// completes with its output, or throws <see cref="TaskFailedException"/> when it fails.
    /// </summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    /// <summary>
    /// A durable timer. A timer that is neither fired nor cancelled keeps the instance running after the code returns,
    /// so cancel the loser of every <c>Task.WhenAny(event, timer)</c> race, with <see cref="CancellationTokenSource.Cancel()"/>
    /// (CancelAsync would cancel on another thread, outside the replayed code).
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an event raised to this instance. Names are case-insensitive; an event raised before the wait is kept
    /// and delivered to it; each event completes exactly one wait. Cancelling the token cancels the wait.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event at most <paramref name="timeout"/> (a durable timer), then throws <see cref="TaskCanceledException"/>.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancel = new CancellationTokenSource();
        using var eventCancel = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCancel.Token);
        var received = WaitForExternalEvent<T>(eventName, eventCancel.Token);

        // Cancel the loser, so neither a pending timer nor a pending wait outlives the race. Cancel(), never
        // CancelAsync(): the latter runs the cancellation on another thread, outside the replayed code.
        if (await Task.WhenAny(timer, received) == received)
        {
            timerCancel.Cancel();
        }
        else
        {
            eventCancel.Cancel();
        }

        return await received;
    }

    /// <summary>Publishes a small JSON-serializable progress value to status queries; at most 16 KB of UTF-16 text when serialized.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>Wraps <paramref name="logger"/> so it writes only when the code is not replaying.</summary>
    public ILogger CreateReplaySafeLogger(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return new ReplaySafeLogger(this, logger);
    }

    private sealed class ReplaySafeLogger(OrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
