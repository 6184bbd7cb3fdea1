using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Azurite;
using Xunit;

namespace VideoPipeline.TestSupport;

/// <summary>
/// The product's <see cref="AzuriteLauncher"/> for a test run: Blob, Queue and Table on loopback ports the OS picks,
/// in memory, stopped when the run ends. Use it as a collection fixture (<see cref="AzuriteCollection"/>): one emulator
/// serves many tests, each of which owns its data through random container, queue, table and task hub names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = AzuriteEndpoints.AccountName;

    public const string AccountKey = AzuriteEndpoints.AccountKey;

    private readonly AzuriteLauncher _launcher = new(Options.Create(new AzuriteOptions
    {
        InMemory = true,
        ScriptPath = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js"),
    }));

    private AzuriteEndpoints? _endpoints;

    public Uri BlobEndpoint => Endpoints.Blob;

    public Uri QueueEndpoint => Endpoints.Queue;

    public Uri TableEndpoint => Endpoints.Table;

    public string ConnectionString => Endpoints.ConnectionString;

    public int? ProcessId => _launcher.ProcessId;

    private AzuriteEndpoints Endpoints => _endpoints ?? throw new InvalidOperationException("Azurite has not been started");

    /// <summary>A name no other test uses: lowercase letters and digits, valid for containers, queues and (with a letter first) tables.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 32, 63)];

    public async Task InitializeAsync()
    {
        var script = RepositoryPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing): run `npm ci` in {RepositoryPaths.Root}, or `bash scripts/test.sh`, which does it.");
        }

        _endpoints = await _launcher.StartAsync();
    }

    public async Task DisposeAsync() => await _launcher.DisposeAsync();
}
