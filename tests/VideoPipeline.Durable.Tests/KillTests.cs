using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable;
using Xunit.Abstractions;

namespace VideoPipeline.Durable.Tests;

/// <summary>
/// Durability on the Azure Storage backend (Azurite) with a real process: SIGKILL while instances wait for an event and
/// again while activities run, each time restarted with the same worker id. Every instance completes, and an activity
/// whose result was recorded never runs again.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KillTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Instances = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killed_twice_mid_orchestration_every_instance_completes_and_recorded_activities_never_run_again()
    {
        using var folder = new TempDirectory("vp-kill");
        var journal = Path.Combine(folder.Path, "journal.txt");
        var hub = RuntimeHarness.UniqueTaskHub();
        string[] settings =
        [
            $"--Durable:StorageConnectionString={azurite.ConnectionString}", $"--Durable:TaskHubName={hub}",
            "--Durable:WorkerId=kill-host", "--Durable:MaxQueuePollingInterval=00:00:00.500",
            // A killed worker's in-flight messages come back after these; the product defaults are 5 minutes.
            "--Durable:ActivityVisibilityTimeout=00:00:10", "--Durable:OrchestrationVisibilityTimeout=00:00:10",
            $"--Journal={journal}",
        ];
        await using var observer = await RuntimeHarness.StartAsync(_ => { }, azurite.ConnectionString, hub, startWorker: false);
        var client = observer.Client;
        var ids = Enumerable.Range(0, Instances).Select(k => $"kill-{k}").ToList();

        var host = await KillHostProcess.StartAsync(settings, Deadline);
        foreach (var id in ids)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(KillHostProtocol.Orchestrator, TimeSpan.FromSeconds(3), new StartOrchestrationOptions(id));
        }

        // Killed once every first step's result is recorded (the custom status is written in the same commit).
        await KillHostProcess.WaitUntilWaitingAsync(client, ids, Deadline);

        host.Kill();
        host.Dispose();

        var restarted = Stopwatch.StartNew();
        host = await KillHostProcess.StartAsync(settings, Deadline);
        foreach (var id in ids)
        {
            await client.RaiseEventAsync(id, KillHostProtocol.Go, "go");
        }

        await Eventually.TrueAsync(() => Lines(journal, "second start") >= 1, "a slow step under way", Deadline);
        output.WriteLine($"first restart to a slow step running: {restarted.Elapsed.TotalSeconds:F1} s");
        host.Kill();
        host.Dispose();

        restarted.Restart();
        using (await KillHostProcess.StartAsync(settings, Deadline))
        {
            foreach (var id in ids)
            {
                using var wait = new CancellationTokenSource(Deadline);
                var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
                Assert.Equal("first+go+second", done.ReadOutputAs<string>());
            }

            output.WriteLine($"second restart to all {Instances} complete: {restarted.Elapsed.TotalSeconds:F1} s");
        }

        var lines = File.ReadAllLines(journal);
        foreach (var id in ids)
        {
            // The first step's result was recorded before the first kill: it must never run again.
            Assert.Equal(1, lines.Count(l => l == $"{id} first start"));
            Assert.True(lines.Count(l => l == $"{id} second done") >= 1, $"{id}'s slow step never finished");
        }
    }

    [Fact]
    public async Task SIGTERM_stops_the_worker_gracefully_and_the_process_exits_cleanly()
    {
        using var folder = new TempDirectory("vp-term");
        using var host = await KillHostProcess.StartAsync(
            [$"--Durable:StorageConnectionString={azurite.ConnectionString}", $"--Durable:TaskHubName={RuntimeHarness.UniqueTaskHub()}", $"--Journal={Path.Combine(folder.Path, "j.txt")}"],
            Deadline);

        Assert.Equal(0, await host.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    private static int Lines(string journal, string suffix) =>
        File.Exists(journal) ? File.ReadAllLines(journal).Count(l => l.EndsWith(suffix, StringComparison.Ordinal)) : 0;
}
