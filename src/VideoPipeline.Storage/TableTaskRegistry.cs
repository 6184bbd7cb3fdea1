using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage;

/// <summary>
/// <see cref="ITaskRegistry"/> on one Table Storage table (created on first use). A provider task is the row
/// (<c>task_{provider}</c>, <c>{taskId}</c>), keys escaped by <see cref="TableKeys"/> and the raw ids stored as properties;
/// a callback token is the row (<c>token_{SHA-256 of the token}</c>), <c>instance</c>): its own partition, so look-ups
/// spread, and the token, the secret part of a callback URL, never appears in a storage request URL or log.
/// Recording a task also adds (<c>token_{hash}</c>, <c>task</c>) naming the provider task, so the task is found by its
/// token too. Each row is inserted, never overwritten: a second registration either matches the first or is refused.
/// </summary>
public sealed class TableTaskRegistry(TableClient table) : ITaskRegistry
{
    private const string TokenRowKey = "instance";
    private const string TokenTaskRowKey = "task";

    /// <summary>Set once the table exists; racing first calls both create it, which is harmless.</summary>
    private volatile bool _tableReady;

    public async Task<bool> RegisterTokenAsync(string callbackToken, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callbackToken);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await EnsureTableAsync(cancellationToken);
        var row = new TableEntity(TokenPartition(callbackToken), TokenRowKey) { [nameof(TaskRegistration.InstanceId)] = instanceId };
        var existing = await StorageCalls.RunAsync("registering a callback token", () => InsertOrReadAsync(row, cancellationToken));
        var registered = existing?.GetString(nameof(TaskRegistration.InstanceId));
        if (existing is not null && registered != instanceId)
        {
            // The token itself stays out of the message: it is the secret part of a callback URL.
            throw new TaskRegistrationConflictException("a callback token", registered ?? string.Empty, instanceId);
        }

        return existing is null;
    }

    public async Task RecordTaskAsync(TaskRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrEmpty(registration.ProviderId);
        ArgumentException.ThrowIfNullOrEmpty(registration.TaskId);
        await EnsureTableAsync(cancellationToken);
        var key = $"provider task {registration.ProviderId}/{registration.TaskId}";
        var existing = await StorageCalls.RunAsync($"recording {key}", () => InsertOrReadAsync(ToRow(registration), cancellationToken));
        if (existing is not null)
        {
            var recorded = FromRow(existing);
            if (recorded != registration)
            {
                throw new TaskRegistrationConflictException(
                    recorded.InstanceId == registration.InstanceId ? $"{key} (with other job, shot, candidate or token details)" : key,
                    recorded.InstanceId,
                    registration.InstanceId);
            }
        }

        // The token's pointer to its task: provider and task id only (the token row never holds the token itself).
        var pointer = new TableEntity(TokenPartition(registration.CallbackToken), TokenTaskRowKey)
        {
            [nameof(TaskRegistration.ProviderId)] = registration.ProviderId,
            [nameof(TaskRegistration.TaskId)] = registration.TaskId,
        };
        var pointed = await StorageCalls.RunAsync($"recording the token of {key}", () => InsertOrReadAsync(pointer, cancellationToken));
        if (pointed is not null
            && (pointed.GetString(nameof(TaskRegistration.ProviderId)) != registration.ProviderId || pointed.GetString(nameof(TaskRegistration.TaskId)) != registration.TaskId))
        {
            throw new TaskRegistrationConflictException(
                $"the callback token of {key} (already recorded for task {pointed.GetString(nameof(TaskRegistration.ProviderId))}/{pointed.GetString(nameof(TaskRegistration.TaskId))})",
                registration.InstanceId,
                registration.InstanceId);
        }
    }

    public async Task<TaskRegistration?> FindByTaskAsync(string providerId, string taskId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var row = await StorageCalls.RunAsync(
            $"looking up provider task {providerId}/{taskId}",
            () => ReadAsync(TaskPartition(providerId), TableKeys.Escape(taskId), cancellationToken));
        return row is null ? null : FromRow(row);
    }

    public async Task<string?> FindInstanceByTokenAsync(string callbackToken, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var row = await StorageCalls.RunAsync("looking up a callback token", () => ReadAsync(TokenPartition(callbackToken), TokenRowKey, cancellationToken));
        return row?.GetString(nameof(TaskRegistration.InstanceId));
    }

    public async Task<TaskRegistration?> FindByTokenAsync(string callbackToken, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var pointer = await StorageCalls.RunAsync("looking up a callback token's task", () => ReadAsync(TokenPartition(callbackToken), TokenTaskRowKey, cancellationToken));
        if (pointer?.GetString(nameof(TaskRegistration.ProviderId)) is not { } providerId || pointer.GetString(nameof(TaskRegistration.TaskId)) is not { } taskId)
        {
            return null;
        }

        var registration = await FindByTaskAsync(providerId, taskId, cancellationToken);
        return registration?.CallbackToken == callbackToken ? registration : null;
    }

    private static string TaskPartition(string providerId) => "task_" + TableKeys.Escape(providerId);

    private static string TokenPartition(string callbackToken) =>
        "token_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(callbackToken)));

    private static TableEntity ToRow(TaskRegistration registration) =>
        new(TaskPartition(registration.ProviderId), TableKeys.Escape(registration.TaskId))
        {
            [nameof(TaskRegistration.ProviderId)] = registration.ProviderId,
            [nameof(TaskRegistration.TaskId)] = registration.TaskId,
            [nameof(TaskRegistration.InstanceId)] = registration.InstanceId,
            [nameof(TaskRegistration.JobId)] = registration.JobId,
            [nameof(TaskRegistration.ShotIndex)] = registration.ShotIndex,
            [nameof(TaskRegistration.CandidateId)] = registration.CandidateId,
            [nameof(TaskRegistration.CallbackToken)] = registration.CallbackToken,
        };

    private static TaskRegistration FromRow(TableEntity row) => new(
        row.GetString(nameof(TaskRegistration.ProviderId)) ?? string.Empty,
        row.GetString(nameof(TaskRegistration.TaskId)) ?? string.Empty,
        row.GetString(nameof(TaskRegistration.InstanceId)) ?? string.Empty,
        row.GetString(nameof(TaskRegistration.JobId)) ?? string.Empty,
        row.GetInt32(nameof(TaskRegistration.ShotIndex)) ?? -1,
        row.GetString(nameof(TaskRegistration.CandidateId)) ?? string.Empty,
        row.GetString(nameof(TaskRegistration.CallbackToken)) ?? string.Empty);

    /// <summary>Inserts <paramref name="row"/>; null when it went in, the row already there otherwise.</summary>
    private async Task<TableEntity?> InsertOrReadAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await ReadAsync(row.PartitionKey, row.RowKey, cancellationToken)
                ?? throw new StorageCallException("a registry row was reported present and then not found", ex);
        }
    }

    private async Task<TableEntity?> ReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableReady)
        {
            await StorageCalls.RunAsync($"creating table {table.Name}", () => table.CreateIfNotExistsAsync(cancellationToken));
            _tableReady = true;
        }
    }
}
