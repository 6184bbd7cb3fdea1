using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Durable;
using VideoPipeline.Durable.Azurite;
using VideoPipeline.Providers;
using VideoPipeline.Scoring;
using VideoPipeline.Storage;
using VideoPipeline.Workflows;

namespace VideoPipeline.Cli.Hosting;

/// <summary>
/// The pipeline in this process, as <c>generate</c> runs it: providers, scoring, storage, the workflows and the local
/// durable runtime in one generic host. With no storage configured it first starts its own Azurite (data in a per-user
/// folder, so a job survives the process) and points blobs, tables and the task hub at it.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzuriteLauncher? _azurite;

    private PipelineHost(IHost host, AzuriteLauncher? azurite)
    {
        _host = host;
        _azurite = azurite;
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">Runs after the pipeline's own registrations: a test host swaps a backend or wraps a port here.</param>
    public static async Task<PipelineHost> StartAsync(IConfiguration settings, CancellationToken cancellationToken, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        AzuriteLauncher? azurite = null;
        var storageConfigured = !string.IsNullOrWhiteSpace(settings["Storage:ConnectionString"]) || !string.IsNullOrWhiteSpace(settings["Storage:BlobServiceUri"]);
        if (!storageConfigured)
        {
            var azuriteOptions = new AzuriteOptions();
            settings.GetSection(AzuriteOptions.SectionName).Bind(azuriteOptions);
            azurite = new AzuriteLauncher(Options.Create(azuriteOptions));
            var endpoints = await azurite.StartAsync(cancellationToken);
            overrides["Storage:ConnectionString"] = endpoints.ConnectionString;
            if (string.IsNullOrWhiteSpace(settings["Durable:StorageConnectionString"]) && string.IsNullOrWhiteSpace(settings["Durable:StorageAccountName"]))
            {
                overrides["Durable:StorageConnectionString"] = endpoints.ConnectionString;
            }
        }

        if (string.IsNullOrWhiteSpace(settings["Providers:Local:OutputDirectory"]))
        {
            // Renders must outlive the process for a resumed job to find them.
            overrides["Providers:Local:OutputDirectory"] = Path.Combine(Path.GetDirectoryName(AzuriteOptions.DefaultDataDirectory())!, "renders");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(settings);
        builder.Configuration.AddInMemoryCollection(overrides);
        // Warnings and errors to stderr (progress owns stdout); Logging:MinimumLevel=Information shows the runtime's work.
        var minimum = Enum.TryParse<LogLevel>(settings["Logging:MinimumLevel"], ignoreCase: true, out var level) ? level : LogLevel.Warning;
        builder.Logging.SetMinimumLevel(minimum);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Azure", LogLevel.Error);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var services = builder.Services;
        services.AddVideoProviders(builder.Configuration);
        services.AddCandidateScoring(builder.Configuration);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScoringOptions>>().Value.ToRankingPolicy());
        services.AddVideoBlobStorage(builder.Configuration);
        services.AddVideoPipelineWorkflows(builder.Configuration);
        services.AddVideoPipelineDurableRuntime(builder.Configuration, tasks =>
        {
            foreach (var type in WorkflowTasks.Orchestrators)
            {
                tasks.AddOrchestrator(type);
            }

            foreach (var type in WorkflowTasks.Activities)
            {
                tasks.AddActivity(type);
            }
        });
        configure?.Invoke(services);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }

        return new PipelineHost(host, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
