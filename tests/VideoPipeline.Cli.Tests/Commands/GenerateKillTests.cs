using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable;
using Xunit.Abstractions;

namespace VideoPipeline.Cli.Tests.Commands;

/// <summary>
/// <c>generate</c> as a real child process (the built CLI), its remote providers pointed at the provider simulator in
/// this process (polling, as generate has no webhook listener), its storage and task hub on the test's Azurite. It is
/// SIGKILLed during submits, while candidates wait and while results are downloaded and scored, at points drawn from a
/// printed seed, and started again with the same command each time. The job must finish with a winner per shot, no
/// candidate submitted twice (the simulator's own record of the tasks it accepted), and nothing left running.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GenerateKillTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const int Shots = 2;
    private const int CandidatesPerShot = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);
    private static readonly string[] Remote = [ProviderIds.Runway, ProviderIds.Kling];
    private readonly TempDirectory _work = new("vp-generate-kill");

    [Fact]
    public async Task Killed_during_submits_waits_and_scoring_and_restarted_each_time_it_finishes_every_shot_without_submitting_a_candidate_twice()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VP_KILL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"kill seed {seed} (set VP_KILL_SEED={seed} to repeat the draws)");
        var random = new Random(seed);
        var total = Shots * CandidatesPerShot;

        await using var simulator = await ProviderSimulator.StartAsync(new SimulatorOptions { Seed = seed, RenderShortSide = 720, OutputDirectory = Path.Combine(_work.Path, "sim") });
        foreach (var id in Remote)
        {
            // Long enough that candidates are still waiting after a restart's redelivery delay.
            simulator.Behavior(id).LatencyMin = TimeSpan.FromSeconds(6);
            simulator.Behavior(id).LatencyMax = TimeSpan.FromSeconds(12);

            // Some submits are held a while before they are carried out, so the first kill finds others in flight.
            simulator.Behavior(id).StallTarget = FaultTarget.Submits;
            simulator.Behavior(id).Stalls = random.Next(1, CandidatesPerShot + 1);
            simulator.Behavior(id).StallDuration = TimeSpan.FromMilliseconds(500 + random.Next(2000));
        }

        var hub = RuntimeHarness.UniqueTaskHub();
        var environment = ChildEnvironment(simulator, hub);
        var brief = Path.Combine(_work.Path, "brief.json");
        await File.WriteAllTextAsync(brief, Brief());
        var outDir = Path.Combine(_work.Path, "out");
        string[] command = ["generate", brief, "--providers", string.Join(',', Remote), "--out", outDir];
        var orphans = new List<int>();
        var clock = Stopwatch.StartNew();

        // 1. During submits: once the k-th submit reached a provider (the task may or may not exist yet).
        var atSubmit = random.Next(1, total + 1);
        await RunUntilKilledAsync("during submits", () => Submits(simulator) >= atSubmit, random, TimeSpan.FromMilliseconds(300));

        // 2. While waiting: every slot has its task and no result was fetched yet (or as soon as a restart gets there).
        await RunUntilKilledAsync("while waiting", () => Tasks(simulator) >= total, random, TimeSpan.FromSeconds(2));

        // 3. During download and scoring: once the d-th result file was served.
        var atDownload = Math.Min(simulator.ResultDownloads + 1 + random.Next(0, total), total);
        await RunUntilKilledAsync("during download/scoring", () => simulator.ResultDownloads >= atDownload, random, TimeSpan.FromMilliseconds(1500));

        // 4. The same command once more runs to the end.
        var restarted = Stopwatch.StartNew();
        using (var last = ChildProcess.Start(CliDll, command, environment))
        {
            var exit = await last.WaitForExitAsync(Deadline);
            output.WriteLine($"final run: exit {exit} after {restarted.Elapsed.TotalSeconds:F1} s; whole test {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(exit == 0, $"the last run exited {exit?.ToString(CultureInfo.InvariantCulture) ?? "not at all"}\n{last.Describe()}");
            Assert.Contains(last.Output, l => l.Contains("resuming", StringComparison.Ordinal));
        }

        // Every shot has a winner in --out, from the manifest's own account.
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "manifest.json")));
        var shots = manifest.RootElement.GetProperty("shots").EnumerateArray().ToList();
        Assert.Equal(Shots, shots.Count);
        var candidates = new List<JsonElement>();
        foreach (var shot in shots)
        {
            Assert.Equal("Succeeded", shot.GetProperty("state").GetString());
            var clip = new FileInfo(Path.Combine(outDir, $"shot-{shot.GetProperty("index").GetInt32():D2}.mp4"));
            Assert.True(clip.Exists && clip.Length > 1000, $"no winner clip {clip.FullName}");
            candidates.AddRange(shot.GetProperty("candidates").EnumerateArray());
        }

        // No candidate was submitted twice: the simulator's record of accepted tasks, grouped by what a candidate sends.
        var created = Remote.SelectMany(simulator.CreatedTasks).ToList();
        foreach (var task in created)
        {
            output.WriteLine($"task {task.ProviderId} {task.Model} seed {task.Seed} ext {task.ExternalId ?? "-"} prompt '{task.Prompt[..20]}…' {task.TaskId}");
        }

        foreach (var c in candidates)
        {
            output.WriteLine($"candidate {c.GetProperty("candidateId").GetString()} {c.GetProperty("providerId").GetString()} {c.GetProperty("model").GetString()} {c.GetProperty("state").GetString()} task {(c.TryGetProperty("taskId", out var t) ? t.ToString() : "-")}");
        }

        var twice = created.GroupBy(t => (t.ProviderId, t.Model, t.Prompt, t.Seed, t.ExternalId)).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, "submitted twice: " + string.Join("; ", twice.Select(g => $"{g.Key.ProviderId} {g.Key.Model} seed {g.Key.Seed}: {string.Join(", ", g.Select(t => t.TaskId))}")));
        var taskIds = candidates.Select(c => c.TryGetProperty("taskId", out var id) ? id.GetString() : null).OfType<string>().ToList();
        Assert.Equal(taskIds.Count, taskIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(taskIds, id => Assert.Contains(created, task => task.TaskId == id));
        // A task no candidate owns can only come from a submit cut off by a kill, which its candidate reports in doubt.
        var inDoubt = candidates.Count(c => c.GetProperty("state").GetString() == "InDoubt");
        var unowned = created.Where(task => !taskIds.Contains(task.TaskId)).ToList();
        output.WriteLine($"{created.Count} tasks created for {candidates.Count} candidates ({inDoubt} in doubt, {unowned.Count} tasks owned by none); submits received {Submits(simulator)}");
        Assert.True(unowned.Count <= inDoubt, $"{unowned.Count} tasks belong to no candidate, more than the {inDoubt} in-doubt ones");

        // Nothing left running: no instance of the task hub is running or pending, and no process a killed run started lives on.
        await using var observer = await RuntimeHarness.StartAsync(_ => { }, azurite.ConnectionString, hub, startWorker: false);
        var unfinished = await Eventually.ValueAsync(
            async () =>
            {
                var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] };
                var found = new List<string>();
                await foreach (var instance in observer.Client.GetAllInstancesAsync(query))
                {
                    found.Add($"{instance.InstanceId} {instance.RuntimeStatus}");
                }

                return found;
            },
            found => found.Count == 0,
            "the task hub's running instances",
            TimeSpan.FromSeconds(30));
        Assert.Empty(unfinished);
        await Eventually.TrueAsync(() => !orphans.Any(ChildProcess.IsAlive), $"the processes the killed runs started ({string.Join(", ", orphans)})", TimeSpan.FromSeconds(30));

        async Task RunUntilKilledAsync(string phase, Func<bool> trigger, Random draws, TimeSpan maxDelay)
        {
            var started = Stopwatch.StartNew();
            using var run = ChildProcess.Start(CliDll, command, environment);
            await run.WaitForLineAsync(l => l.StartsWith("started", StringComparison.Ordinal) || l.StartsWith("resuming", StringComparison.Ordinal), Deadline);
            var ready = started.Elapsed;
            await Eventually.TrueAsync(() => trigger() || run.HasExited, $"the kill point {phase}", Deadline);
            Assert.False(run.HasExited, $"the run ended before the kill point {phase}\n{run.Describe()}");
            // Not a wait for anything: the drawn offset past the trigger is part of where the kill lands.
            var delay = TimeSpan.FromMilliseconds(draws.NextDouble() * maxDelay.TotalMilliseconds);
            await Task.Delay(delay);
            var children = run.Descendants();
            orphans.AddRange(children);
            run.Kill();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"killed {phase}: {delay.TotalMilliseconds:F0} ms after the trigger, {started.Elapsed.TotalSeconds:F1} s into the run (ready after {ready.TotalSeconds:F1} s); " +
                $"submits {Submits(simulator)}, tasks {Tasks(simulator)}, downloads {simulator.ResultDownloads}, {children.Count} child processes left orphaned"));
        }
    }

    public void Dispose() => _work.Dispose();

    private static string CliDll => ChildProcess.BuiltDll(Path.Combine("src", "VideoPipeline.Cli"), "videopipeline.dll");

    private static int Submits(ProviderSimulator simulator) => Remote.Sum(simulator.SubmitsReceived);

    private static int Tasks(ProviderSimulator simulator) => Remote.Sum(simulator.TasksCreated);

    private static string Brief() => JsonSerializer.Serialize(new
    {
        title = "Kill test",
        aspectRatio = "16:9",
        resolution = "720p",
        candidatesPerShot = CandidatesPerShot,
        review = new { mode = "auto" },
        shots = new[]
        {
            new { prompt = "A lighthouse at dusk, waves rolling in, slow push in", durationSeconds = 5 },
            new { prompt = "A paper boat drifting down a rain gutter, close-up", durationSeconds = 5 },
        },
    });

    private Dictionary<string, string?> ChildEnvironment(ProviderSimulator simulator, string hub)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Container"] = AzuriteFixture.UniqueName("kill"),
            ["Storage:TaskTable"] = $"t{Guid.NewGuid():N}",
            ["Durable:StorageConnectionString"] = azurite.ConnectionString,
            ["Durable:TaskHubName"] = hub,
            ["Durable:WorkerId"] = "generate-kill",
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.500",
            // A killed run's in-flight messages come back after these; the product defaults are 5 minutes.
            ["Durable:ActivityVisibilityTimeout"] = "00:00:10",
            ["Durable:OrchestrationVisibilityTimeout"] = "00:00:10",
            ["Pipeline:FirstCheck:runway"] = "00:00:01",
            ["Pipeline:FirstCheck:kling"] = "00:00:01",
            ["Pipeline:DefaultFirstCheck"] = "00:00:01",
            ["Pipeline:LongestCheckInterval"] = "00:00:02",
            ["Pipeline:CandidateDeadline"] = "00:05:00",
            ["Providers:Resilience:BaseDelay"] = "00:00:00.100",
            ["Providers:Runway:ApiKey"] = "kill-test-runway-key",
            ["Providers:Kling:AccessKey"] = "kill-test-access-key",
            ["Providers:Kling:SecretKey"] = "kill-test-kling-secret-of-32-bytes!",
        };
        foreach (var (section, id) in new[] { ("Runway", ProviderIds.Runway), ("Kling", ProviderIds.Kling) })
        {
            settings[$"Providers:{section}:BaseUrl"] = simulator.BaseUrlFor(id).ToString();
            settings[$"Providers:{section}:AllowLoopbackForTesting"] = "true";
        }

        // As a user sets them: environment variables, "__" for ":".
        return settings.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);
    }
}
