using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using VideoPipeline.Durable.Backend;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using SdkQuery = Microsoft.DurableTask.Client.OrchestrationQuery;

namespace VideoPipeline.Durable.Client;

/// <summary>
/// The SDK's client type over DurableTask.Core's <see cref="IOrchestrationServiceClient"/>, so hosts and tests use
/// <see cref="DurableTaskClient"/> everywhere. Task messages are built here with the SDK's <see cref="DataConverter"/>:
/// DTFx's own TaskHubClient serializes with Newtonsoft, which the shimmed orchestrators would misread.
/// </summary>
public sealed class LocalDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    // Scheduling an id that is still pending, running or suspended is refused; a finished one is replaced, as in Durable Functions.
    private static readonly CoreStatus[] RefuseWhile = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.Suspended];

    private readonly OrchestrationBackend _backend;
    private readonly DataConverter _converter;
    private readonly TimeProvider _time;

    public LocalDurableTaskClient(OrchestrationBackend backend, DataConverter converter, TimeProvider? time = null)
        : base("local")
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(converter);
        _backend = backend;
        _converter = converter;
        _time = time ?? TimeProvider.System;
    }

    public override DurableEntityClient Entities => throw new NotSupportedException("VideoPipeline does not use durable entities");

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        tags[OrchestrationTags.RequestTime] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, _converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.ToString() ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,
            },
        };

        var refuse = options?.DedupeStatuses is { Count: > 0 } statuses
            ? statuses.Select(ParseStatus).ToArray()
            : RefuseWhile;
        var client = await _backend.GetClientAsync(cancellation).ConfigureAwait(false);
        await client.CreateTaskOrchestrationAsync(message, refuse).ConfigureAwait(false);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var client = await _backend.GetClientAsync(cancellation).ConfigureAwait(false);
        await client.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output)).ConfigureAwait(false);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var client = await _backend.GetClientAsync(cancellation).ConfigureAwait(false);
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
        // Backends differ for an unknown id: no list, an empty list, or (the in-memory one) a list holding null.
        return states?.FirstOrDefault(s => s is not null) is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(SdkQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var client = await _backend.GetClientAsync(cancellation).ConfigureAwait(false);
            if (client is not IOrchestrationServiceQueryClient queries)
            {
                throw new NotSupportedException($"{client.GetType().Name} cannot query instances");
            }

            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCore()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? SdkQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await queries.GetOrchestrationWithQueryAsync(query, cancellation).ConfigureAwait(false);
            var page = result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs)).ToList();
            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation).ConfigureAwait(false);

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        await PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation).ConfigureAwait(false);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation).ConfigureAwait(false);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException($"instance '{instanceId}' is {metadata.RuntimeStatus}: only finished instances can be purged");
        }

        var result = await PurgeClient(await _backend.GetClientAsync(cancellation).ConfigureAwait(false)).PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => s.ToCore()));
        var result = await PurgeClient(await _backend.GetClientAsync(cancellation).ConfigureAwait(false)).PurgeInstanceStateAsync(coreFilter).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        // Polls the instance row itself: DTFx's WaitForOrchestrationAsync sleeps 2 s between reads.
        var delay = FirstPoll;
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"no orchestration instance '{instanceId}' exists");
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, _time, cancellation).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, delay.Ticks * 2));
        }
    }

    private async Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var client = await _backend.GetClientAsync(cancellation).ConfigureAwait(false);
        await client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        }).ConfigureAwait(false);
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? _converter : null,
            RuntimeStatus = state.OrchestrationStatus.ToSdk(),
            CreatedAt = DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc),
            LastUpdatedAt = DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = state.Status,
            Tags = state.Tags is null ? new Dictionary<string, string>() : new Dictionary<string, string>(state.Tags),
            FailureDetails = ToSdk(state.FailureDetails) ?? FailureFromOutput(state),
        };

    /// <summary>
    /// The Azure Storage backend keeps a failed instance's details only as "Type: message" text in its output column;
    /// the in-memory one keeps the structured details.
    /// </summary>
    private static TaskFailureDetails? FailureFromOutput(OrchestrationState state)
    {
        if (state.OrchestrationStatus != CoreStatus.Failed || string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var colon = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !state.Output[..colon].Contains(' ', StringComparison.Ordinal)
            ? new TaskFailureDetails(state.Output[..colon], state.Output[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("unknown", state.Output, null, null, null);
    }

    private static TaskFailureDetails? ToSdk(FailureDetails? failure) =>
        failure is null ? null : new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToSdk(failure.InnerFailure), failure.Properties);

    private static IOrchestrationServicePurgeClient PurgeClient(IOrchestrationServiceClient client) =>
        client as IOrchestrationServicePurgeClient ?? throw new NotSupportedException($"{client.GetType().Name} cannot purge instances");

    private static CoreStatus ParseStatus(string status) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(status, ignoreCase: true, out var parsed)
            ? parsed.ToCore()
            : throw new ArgumentException($"'{status}' is not an orchestration status", nameof(status));
}
