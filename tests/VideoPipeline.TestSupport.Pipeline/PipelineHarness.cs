using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPipeline.Cli.Hosting;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Durable;
using VideoPipeline.Providers.Veo;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport.Durable;
using VideoPipeline.Workflows.Hosting;
using VideoPipeline.Workflows.Services;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>
/// The pipeline end to end on one machine, wired as <c>generate</c> wires it (<see cref="PipelineHost"/>): the real
/// workflows on the local durable runtime (<see cref="PipelineBackend"/>), blobs and the task registry on Azurite,
/// real scoring, and the remote provider adapters pointed over loopback at its own <see cref="ProviderSimulator"/>,
/// whose callbacks reach a <see cref="WebhookReceiver"/> (the providers' callback base URL). Each harness owns its
/// container, table, task hub and simulator, so tests share nothing but Azurite. Thin wrappers around the provider,
/// store and scorer ports record a <see cref="PipelineTimeline"/>.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    /// <summary>The remote providers the simulator speaks and the pipeline can route to (their catalogue models are current).</summary>
    public static readonly IReadOnlyList<string> RemoteProviders = [ProviderIds.Runway, ProviderIds.Kling, ProviderIds.VeoVertex, ProviderIds.Replicate, ProviderIds.Xai];

    private readonly PipelineHost _host;
    private readonly TempDirectory _work;

    private PipelineHarness(PipelineHost host, ProviderSimulator simulator, WebhookReceiver webhooks, PipelineTimeline timeline, TempDirectory work, string container, string table, PipelineBackend backend)
    {
        _host = host;
        _work = work;
        Simulator = simulator;
        Webhooks = webhooks;
        Timeline = timeline;
        Backend = backend;
        var storage = Services.GetRequiredService<BlobServiceClient>();
        Container = storage.GetBlobContainerClient(container);
        TaskTable = Services.GetRequiredService<TableServiceClient>().GetTableClient(table);
    }

    public PipelineBackend Backend { get; }

    public ProviderSimulator Simulator { get; }

    public WebhookReceiver Webhooks { get; }

    public PipelineTimeline Timeline { get; }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public JobService Jobs => Services.GetRequiredService<JobService>();

    public JobStatusReader Status => Services.GetRequiredService<JobStatusReader>();

    public ITaskRegistry Registry => Services.GetRequiredService<ITaskRegistry>();

    /// <summary>The job's blob container on Azurite (candidates, winners, manifests).</summary>
    public BlobContainerClient Container { get; }

    /// <summary>The task registry's table on Azurite.</summary>
    public TableClient TaskTable { get; }

    /// <param name="settings">Overrides of the harness's settings (e.g. <c>Pipeline:FirstCheck:runway</c>, <c>Durable:*</c>).</param>
    public static async Task<PipelineHarness> StartAsync(
        PipelineBackend backend,
        string azuriteConnectionString,
        IDictionary<string, string?>? settings = null,
        SimulatorOptions? simulatorOptions = null,
        CancellationToken cancellationToken = default)
    {
        var work = new TempDirectory("vp-pipeline");
        ProviderSimulator? simulator = null;
        WebhookReceiver? webhooks = null;
        try
        {
            simulator = await ProviderSimulator.StartAsync(simulatorOptions ?? DefaultSimulatorOptions(), cancellationToken: cancellationToken);
            webhooks = await WebhookReceiver.StartAsync(cancellationToken);
            var container = AzuriteFixture.UniqueName("pl");
            var table = $"t{Guid.NewGuid():N}";
            var config = Settings(backend, azuriteConnectionString, simulator, webhooks, container, table, work);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                config[key] = value;
            }

            var timeline = new PipelineTimeline();
            var host = await PipelineHost.StartAsync(
                new ConfigurationBuilder().AddInMemoryCollection(config).Build(), cancellationToken, services => Wire(services, backend, timeline));
            webhooks.Attach(host.Services.GetRequiredService<CallbackService>());
            return new PipelineHarness(host, simulator, webhooks, timeline, work, container, table, backend);
        }
        catch
        {
            if (webhooks is not null)
            {
                await webhooks.DisposeAsync();
            }

            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            work.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Clips of the briefs' size (720p: scoring disqualifies any other size) at a low frame rate, so a candidate renders
    /// and scores in a fraction of a second and the figures measure orchestration, not rendering.
    /// </summary>
    public static SimulatorOptions DefaultSimulatorOptions() => new() { RenderShortSide = 720, RenderFramesPerSecond = 8 };

    /// <summary>A brief of <paramref name="shots"/> shots of <paramref name="seconds"/> s each, routed to <paramref name="providers"/> only.</summary>
    public static JobSpec Brief(IReadOnlyList<string> providers, int shots = 1, int candidates = 3, int seconds = 4, string? clientJobId = null) =>
        new(
            clientJobId ?? $"e2e-{Guid.NewGuid():N}",
            "end-to-end",
            [.. Enumerable.Range(0, shots).Select(i => new ShotSpec(i, $"Shot {i}: a paper boat drifting down a rain gutter, low angle, take {i}", null, seconds, null))],
            AspectRatios.Landscape,
            Resolutions.P720,
            candidates,
            new ProviderPolicy(null, providers),
            null,
            ReviewPolicy.Auto,
            null);

    /// <summary>Starts the brief and waits until its job instance is no longer pending or running.</summary>
    public async Task<JobStatusView> RunAsync(JobSpec spec, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var started = await Jobs.StartAsync(spec, idempotencyKey: null, cancellationToken);
        if (started.Outcome != JobStartOutcome.Started)
        {
            throw new InvalidOperationException($"the job was not started: {started.Outcome} {started.Message}");
        }

        await WaitForJobAsync(started.JobId!, timeout ?? TimeSpan.FromMinutes(2), cancellationToken);
        return (await Status.GetAsync(started.JobId!, cancellationToken))!;
    }

    /// <summary>Polls the job's own instance (one read) until it ended; its metadata then holds when it did.</summary>
    public async Task<OrchestrationMetadata> WaitForJobAsync(string jobId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await Eventually.ValueAsync(
            () => Client.GetInstanceAsync(jobId, getInputsAndOutputs: false, cancellationToken),
            m => m is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending },
            $"job {jobId}",
            timeout))!;

    /// <summary>Each shot's result, with every candidate's task, status reads and whether a webhook ended its wait.</summary>
    public async Task<IReadOnlyList<ShotResult>> ShotResultsAsync(string jobId, int shots, CancellationToken cancellationToken = default)
    {
        var results = new List<ShotResult>();
        for (var index = 0; index < shots; index++)
        {
            var shot = await Client.GetInstanceAsync(ShotInstance(jobId, index), getInputsAndOutputs: true, cancellationToken);
            results.Add(shot?.ReadOutputAs<ShotResult>() ?? throw new InvalidOperationException($"shot {index} of {jobId} has no result"));
        }

        return results;
    }

    /// <summary>The job's <c>manifest.json</c> as stored in Azurite.</summary>
    public async Task<JsonDocument> ManifestAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var blob = await Container.GetBlobClient(BlobNames.Manifest(jobId)).DownloadContentAsync(cancellationToken);
        return JsonDocument.Parse(blob.Value.Content.ToMemory());
    }

    public static string ShotInstance(string jobId, int shotIndex) => $"{jobId}:s{shotIndex.ToString("D2", CultureInfo.InvariantCulture)}";

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Webhooks.DisposeAsync();
        await Simulator.DisposeAsync();
        _work.Dispose();
    }

    private static void Wire(IServiceCollection services, PipelineBackend backend, PipelineTimeline timeline)
    {
        if (backend == PipelineBackend.InMemory)
        {
            services.UseOrchestrationService(_ => new InMemoryOrchestrationService(null));
        }

        services.TryAddSingleton<IGoogleAccessTokenProvider, FixedGoogleToken>();
        services.AddSingleton(timeline);
        services.Replace(ServiceDescriptor.Singleton(sp => new ProviderDirectory(
            [.. sp.GetServices<IVideoProvider>().Select(p => (IVideoProvider)new TimedVideoProvider(p, timeline))])));
        services.Decorate<IClipStore>((store, _) => new TimedClipStore(store, timeline));
        services.Decorate<ICandidateScorer>((scorer, _) => new TimedCandidateScorer(scorer, timeline));
    }

    private static Dictionary<string, string?> Settings(
        PipelineBackend backend, string azurite, ProviderSimulator simulator, WebhookReceiver webhooks, string container, string table, TempDirectory work)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite,
            ["Storage:Container"] = container,
            ["Storage:TaskTable"] = table,
            ["Durable:TaskHubName"] = RuntimeHarness.UniqueTaskHub(),
            ["Durable:WorkerId"] = "pipeline-harness",
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.500",
            ["Durable:StopTimeout"] = "00:00:05",
            ["Pipeline:PublicBaseUrl"] = webhooks.BaseUrl.ToString(),
            ["Pipeline:DefaultFirstCheck"] = "00:00:01",
            ["Pipeline:LongestCheckInterval"] = "00:00:04",
            ["Pipeline:CandidateDeadline"] = "00:02:00",
            ["Providers:Local:OutputDirectory"] = Path.Combine(work.Path, "renders"),
            ["Providers:Resilience:BaseDelay"] = "00:00:00.020",
            ["Providers:Resilience:MaxDelay"] = "00:00:02",
            ["Providers:Resilience:AttemptTimeout"] = "00:00:10",
            ["Providers:Runway:ApiKey"] = "test-runway-key",
            ["Providers:Kling:AccessKey"] = "test-access-key",
            ["Providers:Kling:SecretKey"] = "test-kling-secret-key-of-32-bytes!",
            ["Providers:Kling:CallbackToken"] = "kling-route-token-0123456789",
            ["Providers:VeoVertex:ProjectId"] = "test-project",
            ["Providers:Replicate:ApiToken"] = "test-replicate-token",
            ["Providers:Replicate:WebhookSecret"] = simulator.WebhookSecret,
            ["Providers:Xai:ApiKey"] = "test-xai-key",
        };
        if (backend == PipelineBackend.AzureStorage)
        {
            settings["Durable:StorageConnectionString"] = azurite;
        }

        foreach (var (section, id) in new[] { ("Runway", ProviderIds.Runway), ("Kling", ProviderIds.Kling), ("VeoVertex", ProviderIds.VeoVertex), ("Replicate", ProviderIds.Replicate), ("Xai", ProviderIds.Xai) })
        {
            settings[$"Providers:{section}:BaseUrl"] = simulator.BaseUrlFor(id).ToString();
            settings[$"Providers:{section}:AllowLoopbackForTesting"] = "true";
            settings[$"Pipeline:FirstCheck:{id}"] = "00:00:01";
        }

        return settings;
    }
}
