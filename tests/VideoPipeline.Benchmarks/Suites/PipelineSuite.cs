using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Pipeline;
using VideoPipeline.Workflows.Services;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>
/// The whole pipeline on the Azure Storage backend on Azurite, against the provider simulator over loopback, with the
/// product's own timings unless an environment variable says otherwise (see <see cref="Sizes"/>; <c>Durable__*</c> and
/// <c>Pipeline__*</c> variables override settings). Times come from the harness's <see cref="PipelineTimeline"/> and
/// its webhook receiver: "provider done" is when the provider's webhook reached the receiver, "the orchestration knows"
/// is when the store activity it then scheduled asked the provider for the result.
/// </summary>
public sealed class PipelineSuite : IBenchmarkSuite
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    public string Name => "pipeline";

    public string Description => "detect latency and status reads (webhook and timer paths), overhead over the slowest candidate, last candidate to winner, candidates/s and RSS for many jobs at once; simulator on Azurite";

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var sizes = Sizes.FromEnvironment();
        figures.Note($"pipeline: {sizes}");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await WebhookPathAsync(figures, sizes, azurite.ConnectionString, cancellationToken);
            await TimerPathAsync(figures, sizes, azurite.ConnectionString, cancellationToken);
            await ManyJobsAsync(figures, sizes, azurite, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Jobs one after another on the signed-webhook path (Replicate): detect latency, reads, overhead, last candidate to winner.</summary>
    private static async Task WebhookPathAsync(Figures figures, Sizes sizes, string azurite, CancellationToken cancellationToken)
    {
        await using var pipeline = await StartAsync(azurite, sizes, new Dictionary<string, string?>());
        Latency(pipeline, ProviderIds.Replicate, sizes.LatencyMs);
        var detect = new List<double>();
        var reads = new List<double>();
        var overhead = new List<double>();
        var lastToWinner = new List<double>();
        for (var job = 0; job < sizes.SequentialJobs; job++)
        {
            var (view, wall) = await RunTimedAsync(pipeline, PipelineHarness.Brief([ProviderIds.Replicate], sizes.Shots, sizes.Candidates, sizes.Seconds), cancellationToken);
            var shots = await pipeline.ShotResultsAsync(view.JobId, sizes.Shots, cancellationToken);
            var ideal = 0.0;
            foreach (var shot in shots)
            {
                var lastDone = long.MinValue;
                foreach (var candidate in shot.Candidates)
                {
                    var instance = $"{PipelineHarness.ShotInstance(view.JobId, shot.ShotIndex)}:{candidate.CandidateId}";
                    reads.Add(candidate.StatusReads);
                    if (Arrival(pipeline, instance) is not { } done || pipeline.Timeline.At(PipelineTimeline.SubmitStarted, instance) is not { } submitted)
                    {
                        figures.Note($"  {instance}: no webhook reached the orchestration ({candidate.State}, {candidate.StatusReads} reads)");
                        continue;
                    }

                    lastDone = Math.Max(lastDone, done);
                    if (pipeline.Timeline.At(PipelineTimeline.ResultOpened, instance) is { } opened)
                    {
                        detect.Add(PipelineTimeline.Milliseconds(done, opened));
                    }

                    var scoring = pipeline.Timeline.At(PipelineTimeline.ScoringStarted, instance) is { } from && pipeline.Timeline.At(PipelineTimeline.ScoringEnded, instance) is { } to
                        ? PipelineTimeline.Milliseconds(from, to)
                        : 0;
                    ideal = Math.Max(ideal, PipelineTimeline.Milliseconds(submitted, done) + scoring);
                }

                if (pipeline.Timeline.At(PipelineTimeline.WinnerPublished, PipelineHarness.ShotInstance(view.JobId, shot.ShotIndex)) is { } published && lastDone != long.MinValue)
                {
                    lastToWinner.Add(PipelineTimeline.Milliseconds(lastDone, published) / 1000);
                }
            }

            overhead.Add(wall.TotalMilliseconds / ideal);
            figures.Note($"  job {job + 1}/{sizes.SequentialJobs}: {wall.TotalSeconds:0.0} s wall, slowest candidate + its scoring {ideal / 1000:0.0} s");
        }

        figures.Report("detect_ms_p50", Percentiles.Of(detect, 0.5));
        figures.Report("detect_ms_p99", Percentiles.Of(detect, 0.99));
        figures.Report("detect_samples", detect.Count, 0);
        figures.Report("status_reads_per_candidate_webhook", reads.Average(), 2);
        figures.Report("overhead_ratio", Percentiles.Of(overhead, 0.5), 3);
        figures.Report("overhead_ratio_max", overhead.Max(), 3);
        figures.Report("last_candidate_to_winner_s", Percentiles.Of(lastToWinner, 0.5), 2);
        figures.Report("last_candidate_to_winner_s_max", lastToWinner.Max(), 2);
    }

    /// <summary>One job on a provider that never calls back (Runway): every wait ends on a timer check.</summary>
    private static async Task TimerPathAsync(Figures figures, Sizes sizes, string azurite, CancellationToken cancellationToken)
    {
        var firstCheck = TimeSpan.FromMilliseconds(sizes.FirstCheckMs);
        await using var pipeline = await StartAsync(azurite, sizes, new Dictionary<string, string?>
        {
            [$"Pipeline:FirstCheck:{ProviderIds.Runway}"] = firstCheck.ToString("c", CultureInfo.InvariantCulture),
        });
        Latency(pipeline, ProviderIds.Runway, (sizes.TimerLatencyMs, sizes.TimerLatencyMs));
        var (view, wall) = await RunTimedAsync(pipeline, PipelineHarness.Brief([ProviderIds.Runway], sizes.Shots, sizes.Candidates, sizes.Seconds), cancellationToken);
        var candidates = (await pipeline.ShotResultsAsync(view.JobId, sizes.Shots, cancellationToken)).SelectMany(s => s.Candidates).ToList();
        figures.Note($"  timer path: {candidates.Count} candidates in {wall.TotalSeconds:0.0} s, reads {string.Join(' ', candidates.Select(c => c.StatusReads))}");
        figures.Report("status_reads_per_candidate_timer", candidates.Average(c => c.StatusReads), 2);
        figures.Report("status_reads_per_candidate_timer_target", Math.Log2(sizes.TimerLatencyMs / firstCheck.TotalMilliseconds) + 2, 2);
    }

    /// <summary>Many jobs at once on the webhook path: throughput, and the peak memory of this process (and of Azurite).</summary>
    private static async Task ManyJobsAsync(Figures figures, Sizes sizes, AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        await using var pipeline = await StartAsync(azurite.ConnectionString, sizes, new Dictionary<string, string?>());
        Latency(pipeline, ProviderIds.Replicate, sizes.ManyLatencyMs);
        using var sampling = new CancellationTokenSource();
        var peaks = SamplePeaksAsync(azurite.ProcessId, sampling.Token);
        var started = Stopwatch.GetTimestamp();
        var jobs = new List<string>();
        for (var job = 0; job < sizes.ConcurrentJobs; job++)
        {
            var start = await pipeline.Jobs.StartAsync(PipelineHarness.Brief([ProviderIds.Replicate], sizes.Shots, sizes.Candidates, sizes.Seconds), null, cancellationToken);
            jobs.Add(start.JobId!);
        }

        figures.Note($"  {jobs.Count} jobs started in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        var pending = await WaitForJobsAsync(pipeline, jobs, TimeSpan.FromMilliseconds(500), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync();
        var (ours, emulator) = await peaks;
        var scored = 0;
        foreach (var id in jobs.Where(j => !pending.Contains(j)))
        {
            scored += (await pipeline.ShotResultsAsync(id, sizes.Shots, cancellationToken)).Sum(s => s.Candidates.Count(c => c.State == Workflows.Candidates.CandidateState.Scored));
        }

        figures.Note($"  {jobs.Count - pending.Count}/{jobs.Count} jobs ended, {scored} candidates scored in {elapsed.TotalSeconds:0.0} s (completion polled every 0.5 s)");
        figures.Report("candidates_per_s", scored / elapsed.TotalSeconds, 2);
        figures.Report("rss_mib", ours / 1048576.0);
        if (emulator > 0)
        {
            figures.Report("azurite_rss_mib", emulator / 1048576.0);
        }
    }

    private static Task<PipelineHarness> StartAsync(string azurite, Sizes sizes, Dictionary<string, string?> settings)
    {
        // The product's timings and polling, not the tests' quick ones, unless the environment says otherwise.
        settings.TryAdd("Durable:MaxQueuePollingInterval", "00:00:01");
        settings.TryAdd("Pipeline:DefaultFirstCheck", "00:00:30");
        settings.TryAdd("Pipeline:LongestCheckInterval", "00:02:00");
        settings.TryAdd("Pipeline:CandidateDeadline", "00:20:00");
        settings.TryAdd($"Pipeline:FirstCheck:{ProviderIds.Replicate}", "00:00:30");
        foreach (var (key, value) in SettingsFromEnvironment())
        {
            settings[key] = value;
        }

        return PipelineHarness.StartAsync(
            PipelineBackend.AzureStorage, azurite, settings, new SimulatorOptions { RenderShortSide = sizes.RenderShortSide, RenderFramesPerSecond = sizes.Fps });
    }

    private static void Latency(PipelineHarness pipeline, string providerId, (int Min, int Max) ms)
    {
        var behavior = pipeline.Simulator.Behavior(providerId);
        behavior.LatencyMin = TimeSpan.FromMilliseconds(ms.Min);
        behavior.LatencyMax = TimeSpan.FromMilliseconds(ms.Max);
    }

    /// <summary>Runs a job; its wall time ends when the job instance was last updated (its completion), not when a poll noticed.</summary>
    private static async Task<(JobStatusView View, TimeSpan Wall)> RunTimedAsync(PipelineHarness pipeline, JobSpec spec, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var start = await pipeline.Jobs.StartAsync(spec, null, cancellationToken);
        await WaitForJobsAsync(pipeline, [start.JobId!], TimeSpan.FromMilliseconds(100), cancellationToken);
        var done = (await pipeline.Client.GetInstanceAsync(start.JobId!, false, cancellationToken))!;
        var view = (await pipeline.Status.GetAsync(start.JobId!, cancellationToken))!;
        if (view.Result is not { Succeeded: true })
        {
            throw new InvalidOperationException($"job {start.JobId} ended {view.RuntimeStatus} without a winner for every shot: {view.Failure}");
        }

        return (view, done.LastUpdatedAt - startedAt);
    }

    /// <summary>Polls each job's own instance (one read) until all ended or the deadline passed; the ones still running.</summary>
    private static async Task<HashSet<string>> WaitForJobsAsync(PipelineHarness pipeline, IEnumerable<string> jobs, TimeSpan poll, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(jobs, StringComparer.Ordinal);
        var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
        while (pending.Count > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            foreach (var id in pending.ToList())
            {
                if (await pipeline.Client.GetInstanceAsync(id, false, cancellationToken) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending })
                {
                    pending.Remove(id);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(poll, cancellationToken);
            }
        }

        return pending;
    }

    /// <summary>When the first webhook the pipeline applied for this candidate reached the receiver.</summary>
    private static long? Arrival(PipelineHarness pipeline, string instance) =>
        pipeline.Webhooks.Received.Where(w => w.Outcome == CallbackOutcome.Delivered && w.InstanceId == instance).Select(w => (long?)w.ArrivedAt).Min();

    private static async Task<(long Ours, long Azurite)> SamplePeaksAsync(int? azuritePid, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        using var emulator = azuritePid is { } pid ? Process.GetProcessById(pid) : null;
        long ours = 0, theirs = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            self.Refresh();
            ours = Math.Max(ours, self.WorkingSet64);
            if (emulator is not null)
            {
                emulator.Refresh();
                theirs = Math.Max(theirs, emulator.WorkingSet64);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (ours, theirs);
    }

    private static Dictionary<string, string?> SettingsFromEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("Durable__", StringComparison.Ordinal) || k.StartsWith("Pipeline__", StringComparison.Ordinal))
            .ToDictionary(k => k.Replace("__", ":", StringComparison.Ordinal), k => Environment.GetEnvironmentVariable(k), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How big each part runs, from <c>PIPELINE_BENCH_*</c> variables so a CI-sized run stays short:
    /// SHOTS (3), CANDIDATES (4), SECONDS (shot length, 4), JOBS (sequential webhook-path jobs, 3), CONCURRENT_JOBS (50),
    /// LATENCY_MS (provider latency min,max on the webhook path, 4000,8000), MANY_LATENCY_MS (for the many jobs, 1000,10000),
    /// TIMER_LATENCY_MS (6000), FIRST_CHECK_MS (timer path's first check, 1000), RENDER_SHORT_SIDE (720), FPS (8).
    /// </summary>
    private sealed record Sizes(
        int Shots, int Candidates, int Seconds, int SequentialJobs, int ConcurrentJobs, (int Min, int Max) LatencyMs, (int Min, int Max) ManyLatencyMs,
        int TimerLatencyMs, int FirstCheckMs, int RenderShortSide, int Fps)
    {
        public static Sizes FromEnvironment() => new(
            Int("SHOTS", 3), Int("CANDIDATES", 4), Int("SECONDS", 4), Int("JOBS", 3), Int("CONCURRENT_JOBS", 50),
            Range("LATENCY_MS", (4000, 8000)), Range("MANY_LATENCY_MS", (1000, 10000)), Int("TIMER_LATENCY_MS", 6000), Int("FIRST_CHECK_MS", 1000),
            Int("RENDER_SHORT_SIDE", 720), Int("FPS", 8));

        private static int Int(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_BENCH_" + name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

        private static (int, int) Range(string name, (int, int) fallback)
        {
            var parts = Environment.GetEnvironmentVariable("PIPELINE_BENCH_" + name)?.Split(',');
            return parts is [var min, var max] && int.TryParse(min, CultureInfo.InvariantCulture, out var a) && int.TryParse(max, CultureInfo.InvariantCulture, out var b) && a > 0 && b >= a
                ? (a, b)
                : fallback;
        }
    }
}
