using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable;
using VideoPipeline.TestSupport.Durable.Probes;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>
/// The local durable runtime on the in-memory service and on Azurite (the Azure Storage backend), with the settings the
/// hosts use by default unless a figure's name says otherwise.
/// </summary>
public sealed class RuntimeSuite : IBenchmarkSuite
{
    private const int Raises = 100;
    private const int Starts = 50;
    private const int FanOutActivities = 500;
    private const int SubOrchestrations = 100;
    private const int Waiting = 1000;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public string Name => "runtime";

    public string Description => "raise→observe, start→running, activity and sub-orchestration throughput, memory of 1,000 waiting instances, resume after SIGKILL; in memory and on Azurite";

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        await RunBackendAsync(figures, "memory", null, null, cancellationToken);

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await RunBackendAsync(figures, "azurite", azurite.ConnectionString, azurite.ProcessId, cancellationToken);
            await ResumeAfterKillAsync(figures, azurite.ConnectionString, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RunBackendAsync(Figures figures, string backend, string? connectionString, int? azuritePid, CancellationToken cancellationToken)
    {
        figures.Note($"runtime on {backend}: starting");
        await using var harness = await RuntimeHarness.StartAsync(ProbeTasks.Register, connectionString, settings: SettingsFromEnvironment());
        var client = harness.Client;

        var observe = new List<double>();
        for (var k = 0; k < Raises; k++)
        {
            var id = $"observe-{k}";
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ObserveEventOrchestrator), "x", new StartOrchestrationOptions(id), cancellationToken);
            await client.WaitForInstanceStartAsync(id, cancellationToken);
            await Task.Delay(50, cancellationToken); // let the first episode finish so the event meets a waiting instance
            var raisedAt = DateTime.UtcNow;
            await client.RaiseEventAsync(id, ProbeEvents.Go, "go", cancellationToken);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
            observe.Add((done.ReadOutputAs<DateTime>() - raisedAt).TotalMilliseconds);
        }

        figures.Report($"raise_to_observe_ms_p50_{backend}", Percentiles.Of(observe, 0.5));
        figures.Report($"raise_to_observe_ms_p99_{backend}", Percentiles.Of(observe, 0.99));

        var starts = new List<double>();
        for (var k = 0; k < Starts; k++)
        {
            var id = $"start-{k}";
            var scheduledAt = DateTime.UtcNow;
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(StartedAtOrchestrator), "x", new StartOrchestrationOptions(id), cancellationToken);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
            starts.Add((done.ReadOutputAs<DateTime>() - scheduledAt).TotalMilliseconds);
        }

        figures.Report($"start_to_running_ms_p50_{backend}", Percentiles.Of(starts, 0.5));

        var watch = Stopwatch.StartNew();
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ActivityFanOutOrchestrator), FanOutActivities, new StartOrchestrationOptions("fan-activities"), cancellationToken);
        await CompleteAsync(client, "fan-activities", cancellationToken);
        figures.Report($"activity_completions_per_s_{backend}", FanOutActivities / watch.Elapsed.TotalSeconds);

        watch.Restart();
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), SubOrchestrations, new StartOrchestrationOptions("fan-children"), cancellationToken);
        await CompleteAsync(client, "fan-children", cancellationToken);
        figures.Report($"sub_orchestrations_per_s_{backend}", SubOrchestrations / watch.Elapsed.TotalSeconds);

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        for (var k = 0; k < Waiting; k++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimerOrchestrator), TimeSpan.FromHours(1), new StartOrchestrationOptions($"wait-{k:D4}"), cancellationToken);
        }

        await Eventually.ValueAsync(
            async () => await CountAsync(client, "wait-", OrchestrationRuntimeStatus.Running, cancellationToken),
            n => n == Waiting,
            $"{Waiting} waiting instances",
            Deadline);
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        figures.Report($"rss_mib_1000_waiting_{backend}", self.WorkingSet64 / 1048576.0);
        figures.Note($"  ({backend}) RSS before the 1,000: {before / 1048576.0:F0} MiB");
        if (azuritePid is { } pid)
        {
            using var emulator = Process.GetProcessById(pid);
            figures.Report("azurite_rss_mib_1000_waiting", emulator.WorkingSet64 / 1048576.0);
        }
    }

    private static async Task ResumeAfterKillAsync(Figures figures, string connectionString, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory("vp-bench-kill");
        var journal = Path.Combine(folder.Path, "journal.txt");
        var hub = RuntimeHarness.UniqueTaskHub();
        string[] settings =
        [
            $"--Durable:StorageConnectionString={connectionString}", $"--Durable:TaskHubName={hub}", "--Durable:WorkerId=bench",
            $"--Journal={journal}",
        ];
        await using var observer = await RuntimeHarness.StartAsync(_ => { }, connectionString, hub, startWorker: false);
        var ids = Enumerable.Range(0, 20).Select(k => $"resume-{k}").ToList();
        var host = await KillHostProcess.StartAsync(settings, Deadline);
        foreach (var id in ids)
        {
            await observer.Client.ScheduleNewOrchestrationInstanceAsync(KillHostProtocol.Orchestrator, TimeSpan.Zero, new StartOrchestrationOptions(id), cancellationToken);
        }

        await KillHostProcess.WaitUntilWaitingAsync(observer.Client, ids, Deadline);

        host.Kill();
        host.Dispose();
        foreach (var id in ids)
        {
            await observer.Client.RaiseEventAsync(id, KillHostProtocol.Go, "go", cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        using (await KillHostProcess.StartAsync(settings, Deadline))
        {
            foreach (var id in ids)
            {
                await CompleteAsync(observer.Client, id, cancellationToken);
            }

            figures.Report("resume_after_kill_s", watch.Elapsed.TotalSeconds, 2);
        }
    }

    /// <summary><c>Durable__ExtendedSessions=true</c> and the like, so a run can try backend settings without a rebuild.</summary>
    private static Dictionary<string, string?> SettingsFromEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("Durable__", StringComparison.Ordinal))
            .ToDictionary(k => k.Replace("__", ":", StringComparison.Ordinal), k => Environment.GetEnvironmentVariable(k), StringComparer.OrdinalIgnoreCase);

    private static async Task CompleteAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var done = await client.WaitForInstanceCompletionAsync(id, cancellation: deadline.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}: {done.FailureDetails}");
        }
    }

    private static async Task<int> CountAsync(DurableTaskClient client, string prefix, OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [status], PageSize = 1000 }).WithCancellation(cancellationToken))
        {
            count++;
        }

        return count;
    }
}
