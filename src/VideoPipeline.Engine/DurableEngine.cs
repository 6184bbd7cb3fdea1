using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine.Replay;
using VideoPipeline.Engine.Storage;

namespace VideoPipeline.Engine;

/// <summary>
/// Runs orchestrations written against the orchestration port on one machine, durably. Each instance advances in
/// episodes: load its history and due messages, replay the orchestrator over them on a single-threaded context,
/// and commit the new history, consumed messages and new work in one SQLite transaction. Between episodes an
/// instance is only rows in SQLite: waiting instances hold no thread and no memory.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    private readonly DurableTaskRegistry _registry;
    private readonly DurableEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteStore _store;
    private readonly TimerQueue _timers;
    private readonly Channel<string> _readyInstances = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Channel<ActivityWorkItem> _activities = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly Lock _scheduling = new();
    private readonly HashSet<string> _scheduled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rescheduled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskCompletionSource>> _completionWaiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private bool _started;
    private bool _disposed;

    public DurableEngine(DurableTaskRegistry registry, DurableEngineOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _registry = registry;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DurableEngine>();
        _store = SqliteStore.Open(options.InMemory ? null : Path.GetFullPath(options.DatabasePath));
        _timers = new TimerQueue(_time, Schedule);
        Client = new EmbeddedOrchestrationClient(this, _store, options.DataConverter);
    }

    /// <summary>The client to start, query, signal and end instances; usable before <see cref="StartAsync"/>.</summary>
    public OrchestrationClient Client { get; }

    internal TimeProvider Time => _time;

    /// <summary>Starts the dispatchers and resumes whatever the store holds: due messages, queued activities, pending timers.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            return Task.CompletedTask;
        }

        _started = true;
        var recovered = _store.Recover(Now);
        for (var i = 0; i < _options.MaxConcurrentOrchestratorFunctions; i++)
        {
            _workers.Add(Task.Run(RunOrchestrationWorkerAsync, CancellationToken.None));
        }

        for (var i = 0; i < _options.MaxConcurrentActivityFunctions; i++)
        {
            _workers.Add(Task.Run(RunActivityWorkerAsync, CancellationToken.None));
        }

        _workers.Add(Task.Run(() => _timers.RunAsync(_stopping.Token), CancellationToken.None));
        Dispatch(recovered);
        EngineLog.Started(
            _logger,
            _options.InMemory ? "memory" : Path.GetFileName(_options.DatabasePath),
            _options.MaxConcurrentActivityFunctions,
            _options.MaxConcurrentOrchestratorFunctions,
            recovered.ReadyInstances.Count,
            recovered.Activities.Count,
            recovered.Timers.Count);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops taking work and waits for running episodes and activities to finish (or <paramref name="cancellationToken"/>).
    /// Anything unfinished is still in the store and resumes on the next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_started || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _readyInstances.Writer.TryComplete();
        _activities.Writer.TryComplete();
        await Task.WhenAll(_workers).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync();
        _disposed = true;
        _store.Dispose();
        _stopping.Dispose();
    }

    /// <summary>How many instances have work due now; zero means all are waiting or finished. For tests and benchmarks.</summary>
    public long CountBusyInstances() => _store.CountInstancesWithDueMessages(Now);

    internal DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>Queues an episode for the instance; if one is running, another runs after it.</summary>
    internal void Schedule(string instanceId)
    {
        lock (_scheduling)
        {
            if (!_scheduled.Add(instanceId))
            {
                _rescheduled.Add(instanceId);
                return;
            }
        }

        _readyInstances.Writer.TryWrite(instanceId);
    }

    /// <summary>Completes when the instance reaches a terminal status (the caller then reads it from the store).</summary>
    internal Task WhenFinished(string instanceId, CancellationToken cancellation)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_completionWaiters)
        {
            if (!_completionWaiters.TryGetValue(instanceId, out var waiters))
            {
                waiters = [];
                _completionWaiters.Add(instanceId, waiters);
            }

            waiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellation);
    }

    internal void Dispatch(CommitResult result)
    {
        foreach (var activity in result.Activities)
        {
            _activities.Writer.TryWrite(activity);
        }

        foreach (var (instanceId, fireAt) in result.Timers)
        {
            _timers.Add(instanceId, fireAt);
        }

        foreach (var instanceId in result.ReadyInstances)
        {
            Schedule(instanceId);
        }

        foreach (var instanceId in result.TerminalInstances)
        {
            List<TaskCompletionSource>? waiters;
            lock (_completionWaiters)
            {
                _completionWaiters.Remove(instanceId, out waiters);
            }

            foreach (var waiter in waiters ?? [])
            {
                waiter.TrySetResult();
            }
        }
    }

    private async Task RunOrchestrationWorkerAsync()
    {
        await foreach (var instanceId in _readyInstances.Reader.ReadAllAsync())
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                RunEpisode(instanceId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The transaction rolled back: the messages are still in the inbox and run again on the next wake-up.
                EngineLog.EpisodeError(_logger, instanceId, ex);
            }

            bool again;
            lock (_scheduling)
            {
                again = _rescheduled.Remove(instanceId);
                if (!again)
                {
                    _scheduled.Remove(instanceId);
                }
            }

            if (again)
            {
                _readyInstances.Writer.TryWrite(instanceId);
            }
        }
    }

    private void RunEpisode(string instanceId)
    {
        var now = Now;
        var work = _store.LoadEpisode(instanceId, now);
        if (work is null || work.Messages.Count == 0)
        {
            return;
        }

        var instance = work.Instance;
        var commit = new EpisodeCommit(instance) { FirstSequence = work.History.Count };
        commit.ConsumedMessageIds.AddRange(work.Messages.Select(m => m.Id));
        if (instance.IsTerminal)
        {
            // Late messages for a finished instance (e.g. an event raced its completion) are simply consumed.
            Dispatch(_store.CommitEpisode(commit, now));
            return;
        }

        if (work.Messages.FirstOrDefault(m => m.Event.Kind == HistoryEventKind.ExecutionTerminated) is { } terminate)
        {
            commit.NewHistory.Add(terminate.Event);
            commit.Instance = instance with { Status = OrchestrationRuntimeStatus.Terminated, Output = terminate.Event.Payload, UpdatedAt = now };
            Dispatch(_store.CommitEpisode(commit, now));
            EngineLog.Terminated(_logger, instanceId);
            return;
        }

        var newEvents = new List<HistoryEvent>(work.Messages.Count + 1) { HistoryEvent.Of(HistoryEventKind.OrchestratorStarted, now) };
        newEvents.AddRange(work.Messages.Select(m => m.Event));
        commit.NewHistory.AddRange(newEvents);

        if (!_registry.TryGetOrchestrator(instance.Name, out var factory))
        {
            Finish(commit, now, failure: new TaskFailureDetails(
                typeof(InvalidOperationException).FullName!, $"No orchestrator named '{instance.Name}' is registered with this engine.", null, null));
            return;
        }

        var context = new ReplayContext(instance, _options.DataConverter);
        context.Run(factory(), work.History, newEvents);

        if (context.NonDeterminism is { } nonDeterminism)
        {
            Finish(commit, now, failure: TaskFailureDetails.FromException(nonDeterminism));
            return;
        }

        foreach (var action in context.NewActions)
        {
            commit.NewHistory.Add(action.ToHistoryEvent(now));
            switch (action.Kind)
            {
                case HistoryEventKind.TaskScheduled:
                    commit.Activities.Add((action.TaskId, action.Name, action.Input));
                    break;
                case HistoryEventKind.TimerCreated when !action.Cancelled:
                    commit.Timers.Add((action.TaskId, action.FireAt));
                    break;
                case HistoryEventKind.SubOrchestrationCreated:
                    commit.Children.Add(new ChildStart(action.Target!, action.Name, action.Input, action.TaskId));
                    break;
                default:
                    break;
            }
        }

        commit.CancelledTimers.AddRange(context.CancelledTimers);
        instance = instance with { Status = OrchestrationRuntimeStatus.Running, CustomStatus = context.CustomStatus, UpdatedAt = now };
        commit.Instance = instance;

        var orchestration = context.Orchestration;
        if (orchestration is { IsCompleted: true } && !context.HasOpenTimers)
        {
            if (orchestration.IsCompletedSuccessfully)
            {
                Finish(commit, now, output: _options.DataConverter.Serialize(orchestration.Result));
            }
            else
            {
                var exception = orchestration.Exception?.InnerException ?? new TaskCanceledException("The orchestrator's task was cancelled.");
                Finish(commit, now, failure: TaskFailureDetails.FromException(exception));
            }

            return;
        }

        if (orchestration is { IsCompleted: false } && !context.IsWaiting)
        {
            Finish(commit, now, failure: new TaskFailureDetails(
                typeof(InvalidOperationException).FullName!,
                $"Orchestrator '{instance.Name}' awaited something that is not durable (Task.Delay, Task.Run, I/O?). " +
                "Orchestrator code may only await the context's activities, sub-orchestrations, timers and events.",
                null,
                null));
            return;
        }

        Dispatch(_store.CommitEpisode(commit, now));
    }

    private void Finish(EpisodeCommit commit, DateTime now, string? output = null, TaskFailureDetails? failure = null)
    {
        var status = failure is null ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed;
        var serializedFailure = failure is null ? null : FailureJson.Serialize(failure);
        commit.NewHistory.Add(HistoryEvent.Of(
            failure is null ? HistoryEventKind.ExecutionCompleted : HistoryEventKind.ExecutionFailed, now, payload: serializedFailure ?? output));
        commit.Instance = commit.Instance with { Status = status, Output = output, Failure = serializedFailure, UpdatedAt = now };
        Dispatch(_store.CommitEpisode(commit, now));
        if (failure is null)
        {
            EngineLog.InstanceFinished(_logger, commit.Instance.Name, commit.Instance.InstanceId, status.ToString());
        }
        else
        {
            EngineLog.InstanceFailed(_logger, commit.Instance.Name, commit.Instance.InstanceId, failure.ErrorType);
        }
    }

    private async Task RunActivityWorkerAsync()
    {
        await foreach (var item in _activities.Reader.ReadAllAsync())
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            HistoryEvent result;
            try
            {
                if (!_registry.TryGetActivity(item.Name, out var factory))
                {
                    throw new InvalidOperationException($"No activity named '{item.Name}' is registered with this engine.");
                }

                var activity = factory();
                var input = _options.DataConverter.Deserialize(item.Input, activity.InputType);
                var output = await activity.RunAsync(new ActivityContext(item.Name, item.InstanceId), input);
                result = HistoryEvent.Of(HistoryEventKind.TaskCompleted, Now, item.TaskId, item.Name, _options.DataConverter.Serialize(output));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var details = TaskFailureDetails.FromException(ex);
                EngineLog.ActivityFailed(_logger, item.Name, item.TaskId, item.InstanceId, details.ErrorType);
                result = HistoryEvent.Of(HistoryEventKind.TaskFailed, Now, item.TaskId, item.Name, FailureJson.Serialize(details));
            }

            try
            {
                if (_store.CompleteActivity(item, result, Now))
                {
                    Schedule(item.InstanceId);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The work item is still queued in the store and runs again after a restart (at-least-once).
                EngineLog.ActivityRecordError(_logger, item.Name, item.TaskId, item.InstanceId, ex);
            }
        }
    }
}
