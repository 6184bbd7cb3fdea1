using System.Runtime.CompilerServices;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine.Storage;

namespace VideoPipeline.Engine;

/// <summary>The engine's <see cref="OrchestrationClient"/>: reads and writes the store directly and wakes the engine.</summary>
internal sealed class EmbeddedOrchestrationClient(DurableEngine engine, SqliteStore store, DataConverter converter) : OrchestrationClient
{
    private static readonly OrchestrationRuntimeStatus[] DefaultDedupeStatuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, nameof(options));
        store.CreateInstance(instanceId, orchestratorName.Name, converter.Serialize(input), [.. options?.DedupeStatuses ?? DefaultDedupeStatuses], engine.Now);
        engine.Schedule(instanceId);
        return Task.FromResult(instanceId);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        cancellation.ThrowIfCancellationRequested();
        var now = engine.Now;
        if (store.Enqueue(instanceId, HistoryEvent.Of(HistoryEventKind.EventRaised, now, name: eventName, payload: converter.Serialize(eventPayload)), now))
        {
            engine.Schedule(instanceId);
        }

        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = store.GetInstance(instanceId);
        return Task.FromResult(instance is null ? null : ToMetadata(instance, getInputsAndOutputs));
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var instance = store.GetInstance(instanceId) ?? throw new ArgumentException($"No orchestration instance with id '{instanceId}' exists.", nameof(instanceId));
        if (!instance.IsTerminal)
        {
            var finished = engine.WhenFinished(instanceId, cancellation);

            // It may have finished between the read and the registration.
            instance = store.GetInstance(instanceId)!;
            if (!instance.IsTerminal)
            {
                await finished;
                instance = store.GetInstance(instanceId)!;
            }
        }

        return ToMetadata(instance, getInputsAndOutputs);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var now = engine.Now;
        if (store.Enqueue(instanceId, HistoryEvent.Of(HistoryEventKind.ExecutionTerminated, now, payload: converter.Serialize(options?.Output)), now))
        {
            engine.Schedule(instanceId);
        }

        return Task.CompletedTask;
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(new PurgeResult(store.Purge(instanceId)));
    }

    public override async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? filter = null, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        filter ??= new OrchestrationQuery();
        var statuses = filter.Statuses?.ToHashSet();
        (DateTime, string)? after = null;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var page = store.ListInstances(filter, after);
            foreach (var instance in page.Where(i => statuses is null || statuses.Contains(i.Status)))
            {
                yield return ToMetadata(instance, filter.FetchInputsAndOutputs);
            }

            if (page.Count < filter.PageSize)
            {
                yield break;
            }

            after = (page[^1].CreatedAt, page[^1].InstanceId);
            await Task.Yield();
        }
    }

    private OrchestrationMetadata ToMetadata(InstanceRecord instance, bool withPayloads) => new(instance.Name, instance.InstanceId)
    {
        RuntimeStatus = instance.Status,
        CreatedAt = new DateTimeOffset(instance.CreatedAt),
        LastUpdatedAt = new DateTimeOffset(instance.UpdatedAt),
        DataConverter = withPayloads ? converter : null,
        SerializedInput = withPayloads ? instance.Input : null,
        SerializedOutput = withPayloads ? instance.Output : null,
        SerializedCustomStatus = withPayloads ? instance.CustomStatus : null,
        FailureDetails = withPayloads ? FailureJson.Deserialize(instance.Failure) : null,
    };
}
