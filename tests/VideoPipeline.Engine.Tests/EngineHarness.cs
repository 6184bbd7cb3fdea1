using Microsoft.Data.Sqlite;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Engine.Tests;

/// <summary>
/// One engine over a SQLite file in a temp folder the test owns, restartable on the same file. Tests register
/// orchestrators and activities on <see cref="Registry"/> before <see cref="StartAsync"/>.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = Eventually.DefaultTimeout;

    private readonly TempDirectory _folder = new("vp-engine");
    private readonly Action<DurableEngineOptions>? _configure;

    public EngineHarness(TimeProvider? time = null, Action<DurableEngineOptions>? configure = null)
    {
        Time = time ?? TimeProvider.System;
        _configure = configure;
        Engine = Create();
    }

    public DurableTaskRegistry Registry { get; private set; } = new();

    public TimeProvider Time { get; }

    public DurableEngine Engine { get; private set; }

    public OrchestrationClient Client => Engine.Client;

    public string DatabasePath => _folder.File("durable.db");

    public async Task<EngineHarness> StartAsync()
    {
        await Engine.StartAsync();
        return this;
    }

    /// <summary>Stops the engine and starts a new one on the same database, optionally with a different registry (new code).</summary>
    public async Task RestartAsync(DurableTaskRegistry? registry = null)
    {
        await Engine.DisposeAsync();
        Registry = registry ?? Registry;
        Engine = Create();
        await Engine.StartAsync();
    }

    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await CompletionAsync(id);
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    /// <summary>Polls the instance until <paramref name="condition"/> holds, failing after <see cref="Deadline"/>.</summary>
    public async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> condition) =>
        (await Eventually.ValueAsync(() => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true), m => m is not null && condition(m), $"instance {instanceId}"))!;

    /// <summary>A scalar straight from the engine's SQLite file, for facts the client does not expose.</summary>
    public long QueryScalar(string sql, string instanceId)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", instanceId);
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        _folder.Dispose();
    }

    private DurableEngine Create()
    {
        var options = new DurableEngineOptions { DatabasePath = DatabasePath };
        _configure?.Invoke(options);
        return new DurableEngine(Registry, options, timeProvider: Time);
    }
}
