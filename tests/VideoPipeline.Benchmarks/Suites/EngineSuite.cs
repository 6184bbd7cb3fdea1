using System.Diagnostics;
using VideoPipeline.Domain.Orchestration;
using VideoPipeline.Engine;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>
/// The embedded durable engine on its default file-backed SQLite store: activity throughput under fan-out, external
/// event throughput to waiting instances, and the memory that 10,000 waiting instances cost.
/// </summary>
public sealed class EngineSuite : IBenchmarkSuite
{
    private const string FanOut = "FanOut";
    private const string CountTicks = "CountTicks";
    private const string WaitOnce = "WaitOnce";
    private const string Noop = "Noop";
    private const string Tick = "Tick";
    private const int ActivitiesPerOrchestration = 10;
    private const int EventsPerInstance = 10;

    public string Name => "engine";

    public string Description => "durable engine (file store): activity completions/s, external events/s, RSS of 10,000 waiting instances";

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        // Memory first, while the process is fresh, so earlier runs' heaps do not inflate the figure.
        figures.Report("waiting_instances_rss_mib", await MeasureWaitingInstancesAsync(10_000, figures, cancellationToken), 0);
        await MeasureActivitiesAsync(20, cancellationToken);
        figures.Report("activity_completions_per_s", await MeasureActivitiesAsync(300, cancellationToken), 0);
        figures.Report("external_events_per_s", await MeasureEventsAsync(200, cancellationToken), 0);
    }

    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddActivity(Noop, new NoopActivity())
        .AddOrchestrator<FanOutOrchestrator>(FanOut)
        .AddOrchestrator<CountTicksOrchestrator>(CountTicks)
        .AddOrchestrator<WaitOnceOrchestrator>(WaitOnce);

    private static async Task<double> MeasureActivitiesAsync(int orchestrations, CancellationToken cancellationToken)
    {
        using var folder = new BenchFolder();
        await using var engine = new DurableEngine(Registry(), new DurableEngineOptions { DatabasePath = folder.Database });
        await engine.StartAsync(cancellationToken);

        var watch = Stopwatch.StartNew();
        var ids = new List<string>(orchestrations);
        for (var i = 0; i < orchestrations; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync(FanOut, ActivitiesPerOrchestration, cancellation: cancellationToken));
        }

        foreach (var id in ids)
        {
            var done = await engine.Client.WaitForInstanceCompletionAsync(id, cancellation: cancellationToken);
            Check(done);
        }

        return orchestrations * ActivitiesPerOrchestration / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureEventsAsync(int instances, CancellationToken cancellationToken)
    {
        using var folder = new BenchFolder();
        await using var engine = new DurableEngine(Registry(), new DurableEngineOptions { DatabasePath = folder.Database });
        await engine.StartAsync(cancellationToken);
        var ids = new List<string>(instances);
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync(CountTicks, EventsPerInstance, cancellation: cancellationToken));
        }

        await UntilIdleAsync(engine, cancellationToken);
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < EventsPerInstance; round++)
        {
            foreach (var id in ids)
            {
                await engine.Client.RaiseEventAsync(id, Tick, round, cancellationToken);
            }
        }

        foreach (var id in ids)
        {
            Check(await engine.Client.WaitForInstanceCompletionAsync(id, cancellation: cancellationToken));
        }

        return instances * EventsPerInstance / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureWaitingInstancesAsync(int instances, Figures figures, CancellationToken cancellationToken)
    {
        using var folder = new BenchFolder();
        await using var engine = new DurableEngine(Registry(), new DurableEngineOptions { DatabasePath = folder.Database });
        await engine.StartAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++)
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync(WaitOnce, cancellation: cancellationToken);
        }

        await UntilIdleAsync(engine, cancellationToken);
        figures.Note($"{instances} instances started and waiting after {watch.Elapsed.TotalSeconds:0.0} s");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1024.0 / 1024.0;
    }

    private static async Task UntilIdleAsync(DurableEngine engine, CancellationToken cancellationToken)
    {
        while (engine.CountBusyInstances() > 0)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static void Check(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"benchmark instance did not complete: {instance}");
        }
    }

    private sealed class NoopActivity : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
    }

    private sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(OrchestrationContext context, int input) =>
            (await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(Noop, i)))).Sum();
    }

    private sealed class CountTicksOrchestrator : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(OrchestrationContext context, int input)
        {
            var sum = 0;
            for (var i = 0; i < input; i++)
            {
                sum += await context.WaitForExternalEvent<int>(Tick);
            }

            return sum;
        }
    }

    private sealed class WaitOnceOrchestrator : TaskOrchestrator<string?, string>
    {
        public override Task<string> RunAsync(OrchestrationContext context, string? input) => context.WaitForExternalEvent<string>(Tick);
    }

    /// <summary>A temp folder for one measurement's database, removed afterwards.</summary>
    private sealed class BenchFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("vp-bench-engine-").FullName;

        public string Database => Path.Combine(_path, "durable.db");

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
