using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine.Storage;

namespace VideoPipeline.Engine.Replay;

/// <summary>
/// The engine's <see cref="OrchestrationContext"/> for one episode. It re-runs the orchestrator from the start over the
/// recorded history (<see cref="IsReplaying"/> true), matching every action the code schedules to history by sequence
/// number, then applies the new messages. Actions history does not yet record are this episode's new work.
/// </summary>
internal sealed class ReplayContext(InstanceRecord instance, DataConverter converter) : OrchestrationContext
{
    /// <summary>The cap on serialized custom status: 16 KB of UTF-16 text, as Durable Functions documents.</summary>
    public const int MaxCustomStatusBytes = 16 * 1024;

    private readonly OrchestratorSynchronizationContext _syncContext = new();
    private readonly List<ScheduledAction> _actions = [];
    private readonly Dictionary<int, ScheduledAction> _open = [];
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private int _guidCounter;
    private DateTime _now;
    private bool _isReplaying = true;

    public override TaskName Name { get; } = instance.Name;

    public override string InstanceId { get; } = instance.InstanceId;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => _isReplaying;

    /// <summary>The orchestrator's own task; null until its start event is applied.</summary>
    public Task<object?>? Orchestration { get; private set; }

    public NonDeterministicOrchestrationException? NonDeterminism { get; private set; }

    public string? CustomStatus { get; private set; } = instance.CustomStatus;

    /// <summary>Actions this episode scheduled that history does not record yet.</summary>
    public IEnumerable<ScheduledAction> NewActions => _actions.Where(a => !a.Recorded);

    /// <summary>Timers recorded earlier and cancelled in this episode, whose pending fire messages can go.</summary>
    public List<int> CancelledTimers { get; } = [];

    /// <summary>A timer neither fired nor cancelled keeps the instance running even after its code returned.</summary>
    public bool HasOpenTimers => _open.Values.Any(a => a.Kind == HistoryEventKind.TimerCreated);

    /// <summary>True when the code still awaits something durable: an action, a timer or an event.</summary>
    public bool IsWaiting => _open.Count > 0 || _waiters.Values.Any(w => w.Count > 0);

    /// <summary>Replays <paramref name="history"/>, then applies <paramref name="newEvents"/>, running the code in between.</summary>
    public void Run(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent> newEvents)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try
        {
            foreach (var e in history)
            {
                Apply(orchestrator, e, replaying: true);
                if (NonDeterminism is not null)
                {
                    return;
                }
            }

            if (_actions.FirstOrDefault(a => !a.Recorded) is { } unrecorded)
            {
                NonDeterminism = new NonDeterministicOrchestrationException(
                    $"Non-deterministic orchestrator '{Name}' (instance '{InstanceId}'): on replay the code scheduled {Describe(unrecorded.Kind, unrecorded.Name)} " +
                    $"as task #{unrecorded.TaskId}, which its history does not record.");
                return;
            }

            _isReplaying = false;
            foreach (var e in newEvents)
            {
                Apply(orchestrator, e, replaying: false);
                if (NonDeterminism is not null)
                {
                    return;
                }
            }
        }
        finally
        {
            _syncContext.Close();
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    public override async Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var serialized = converter.Serialize(input);
        return await WithRetries(options, () => Schedule(HistoryEventKind.TaskScheduled, name.Name, serialized, null, default).Completion.Task, Deserialize<T>);
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var serialized = converter.Serialize(input);
        var childId = (options as SubOrchestrationOptions)?.InstanceId ?? NewGuid().ToString("N");
        return await WithRetries(options, () => Schedule(HistoryEventKind.SubOrchestrationCreated, orchestratorName.Name, serialized, childId, default).Completion.Task, Deserialize<TResult>);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var action = Schedule(HistoryEventKind.TimerCreated, "timer", null, null, utc);
        if (cancellationToken.CanBeCanceled)
        {
            action.Registration = cancellationToken.Register(() => CancelTimer(action, cancellationToken));
        }

        return action.Completion.Task;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return Deserialize<T>(await WaitForEvent(eventName, cancellationToken));
    }

    public override void SetCustomStatus(object? customStatus)
    {
        var serialized = converter.Serialize(customStatus);
        if (serialized is not null && serialized.Length * sizeof(char) > MaxCustomStatusBytes)
        {
            throw new ArgumentException(
                $"Custom status of orchestration '{Name}' (instance '{InstanceId}') is {serialized.Length * sizeof(char)} bytes of UTF-16 text when serialized; " +
                $"the limit is {MaxCustomStatusBytes} bytes. Keep progress small and put details in blobs.",
                nameof(customStatus));
        }

        CustomStatus = serialized;
    }

    public override Guid NewGuid()
    {
        // Name-based and replay-safe: instance, episode time and a per-episode counter, hashed (RFC 9562 version 8 layout).
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{InstanceId}\n{_now.Ticks}\n{_guidCounter++}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string Describe(HistoryEventKind kind, string name) => kind switch
    {
        HistoryEventKind.TaskScheduled => $"activity '{name}'",
        HistoryEventKind.SubOrchestrationCreated => $"sub-orchestration '{name}'",
        HistoryEventKind.TimerCreated => "a timer",
        _ => $"{kind} '{name}'",
    };

    private async Task<T> WithRetries<T>(TaskOptions? options, Func<Task<string?>> attempt, Func<string?, T> read)
    {
        var policy = options?.Retry?.Policy;
        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return read(await attempt());
            }
            catch (TaskFailedException failure) when (policy is not null && ShouldRetry(policy, number, firstAttemptAt, failure))
            {
                await CreateTimer(CurrentUtcDateTime + policy.GetRetryDelay(number), CancellationToken.None);
            }
        }
    }

    private bool ShouldRetry(RetryPolicy policy, int attempt, DateTime firstAttemptAt, TaskFailedException failure)
    {
        if (attempt >= policy.MaxNumberOfAttempts)
        {
            return false;
        }

        if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime + policy.GetRetryDelay(attempt) - firstAttemptAt > policy.RetryTimeout)
        {
            return false;
        }

        return policy.Handle(failure);
    }

    private T Deserialize<T>(string? raw) => raw is null ? default! : (T)converter.Deserialize(raw, typeof(T))!;

    private ScheduledAction Schedule(HistoryEventKind kind, string name, string? input, string? target, DateTime fireAt)
    {
        var action = new ScheduledAction(kind, _actions.Count, name, input, target, fireAt);
        _actions.Add(action);
        _open.Add(action.TaskId, action);
        return action;
    }

    private void CancelTimer(ScheduledAction timer, CancellationToken token)
    {
        if (_open.Remove(timer.TaskId))
        {
            timer.Cancelled = true;
            if (timer.Recorded && !_isReplaying)
            {
                CancelledTimers.Add(timer.TaskId);
            }

            timer.Completion.TrySetCanceled(token);
        }
    }

    private Task<string?> WaitForEvent(string eventName, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string?>(cancellationToken);
        }

        if (_buffered.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return Task.FromResult(buffered.Dequeue());
        }

        if (!_waiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<TaskCompletionSource<string?>>();
            _waiters.Add(eventName, waiters);
        }

        var waiter = new TaskCompletionSource<string?>();
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            });
        }

        return waiter.Task;
    }

    private void Apply(ITaskOrchestrator orchestrator, HistoryEvent e, bool replaying)
    {
        switch (e.Kind)
        {
            case HistoryEventKind.OrchestratorStarted:
                _now = e.Timestamp;
                break;
            case HistoryEventKind.ExecutionStarted when Orchestration is null:
                Orchestration = Start(orchestrator, e.Payload);
                break;
            case HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated or HistoryEventKind.SubOrchestrationCreated when replaying:
                Match(e);
                break;
            case HistoryEventKind.TaskCompleted:
                Complete(e, HistoryEventKind.TaskScheduled, failed: false);
                break;
            case HistoryEventKind.TaskFailed:
                Complete(e, HistoryEventKind.TaskScheduled, failed: true);
                break;
            case HistoryEventKind.TimerFired:
                Complete(e, HistoryEventKind.TimerCreated, failed: false);
                break;
            case HistoryEventKind.SubOrchestrationCompleted:
                Complete(e, HistoryEventKind.SubOrchestrationCreated, failed: false);
                break;
            case HistoryEventKind.SubOrchestrationFailed:
                Complete(e, HistoryEventKind.SubOrchestrationCreated, failed: true);
                break;
            case HistoryEventKind.EventRaised:
                Deliver(e.Name ?? string.Empty, e.Payload);
                break;
            default:
                break;
        }

        _syncContext.Drain();
    }

    private Task<object?> Start(ITaskOrchestrator orchestrator, string? input)
    {
        try
        {
            return orchestrator.RunAsync(this, converter.Deserialize(input, orchestrator.InputType));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bad input or a synchronous throw fails the instance like any other unhandled exception.
            return Task.FromException<object?>(ex);
        }
    }

    private void Match(HistoryEvent e)
    {
        var action = e.TaskId >= 0 && e.TaskId < _actions.Count ? _actions[e.TaskId] : null;
        if (action is null)
        {
            NonDeterminism = new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator '{Name}' (instance '{InstanceId}'): history records {Describe(e.Kind, e.Name ?? string.Empty)} as task #{e.TaskId}, " +
                "but on replay the code did not schedule it.");
        }
        else if (action.Kind != e.Kind || !string.Equals(action.Name, e.Name, StringComparison.OrdinalIgnoreCase))
        {
            NonDeterminism = new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator '{Name}' (instance '{InstanceId}'): history records {Describe(e.Kind, e.Name ?? string.Empty)} as task #{e.TaskId}, " +
                $"but on replay the code scheduled {Describe(action.Kind, action.Name)} there.");
        }
        else
        {
            action.Recorded = true;
        }
    }

    private void Complete(HistoryEvent e, HistoryEventKind scheduledAs, bool failed)
    {
        // A result for nothing open is a cancelled timer firing anyway, or a late duplicate: nothing awaits it.
        if (!_open.TryGetValue(e.TaskId, out var action) || action.Kind != scheduledAs)
        {
            return;
        }

        _open.Remove(e.TaskId);
        action.Registration.Dispose();
        if (failed)
        {
            var details = FailureJson.Deserialize(e.Payload) ?? new TaskFailureDetails("(unknown)", "(no details recorded)", null, null);
            action.Completion.TrySetException(new TaskFailedException(action.Name, action.TaskId, details));
        }
        else
        {
            action.Completion.TrySetResult(e.Payload);
        }
    }

    private void Deliver(string eventName, string? payload)
    {
        if (_waiters.TryGetValue(eventName, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(payload);
            return;
        }

        if (!_buffered.TryGetValue(eventName, out var buffered))
        {
            buffered = new Queue<string?>();
            _buffered.Add(eventName, buffered);
        }

        buffered.Enqueue(payload);
    }
}
