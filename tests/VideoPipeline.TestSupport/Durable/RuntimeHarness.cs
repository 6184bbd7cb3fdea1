using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VideoPipeline.Durable;

namespace VideoPipeline.TestSupport.Durable;

/// <summary>
/// The local durable runtime in a generic host, as the CLI and server wire it: on the in-memory service (fast) or on a
/// storage connection string (Azurite: the Azure Storage backend itself).
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private RuntimeHarness(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="connectionString">null for the in-memory service.</param>
    public static async Task<RuntimeHarness> StartAsync(
        Action<DurableTaskTypeRegistry> tasks,
        string? connectionString,
        string? taskHub = null,
        string workerId = "test-worker",
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        bool startWorker = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Durable:TaskHubName"] = taskHub ?? UniqueTaskHub(),
            ["Durable:WorkerId"] = workerId,
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.500",
            ["Durable:StopTimeout"] = "00:00:05",
        };
        if (connectionString is not null)
        {
            config["Durable:StorageConnectionString"] = connectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddVideoPipelineDurableRuntime(builder.Configuration, tasks);
        if (connectionString is null)
        {
            builder.Services.UseOrchestrationService(_ => new InMemoryOrchestrationService(null));
        }

        if (!startWorker)
        {
            builder.Services.RemoveAll<IHostedService>();
        }

        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHarness(host);
    }

    /// <summary>A task hub no other test uses (DTFx names queues and tables after it).</summary>
    public static string UniqueTaskHub() => $"t{Guid.NewGuid():N}"[..20];

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
