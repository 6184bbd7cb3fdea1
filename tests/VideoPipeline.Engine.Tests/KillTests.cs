using System.Diagnostics;
using Microsoft.Data.Sqlite;
using VideoPipeline.Engine.Storage;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Engine.Tests;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KillTests
{
    private const int Steps = 8;

    [Fact]
    public async Task A_process_killed_mid_orchestration_completes_it_after_restart_without_rerunning_recorded_activities()
    {
        using var folder = new TempDirectory("vp-kill");
        var database = folder.File("durable.db");
        var marker = folder.File("steps.log");
        const string instanceId = "kill-test";

        using (var first = StartHost(database, marker, instanceId))
        {
            await Eventually.TrueAsync(() => StepsRun(marker).Count >= 3 || first.HasExited, "three steps started in the child process");
            Assert.False(first.HasExited, "the child finished before it could be killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var recorded = RecordedSteps(database, instanceId);
        Assert.NotEmpty(recorded);
        Assert.True(recorded.Count < Steps, "the kill must land before the last step is recorded");
        Assert.Equal(0, InstanceStatus(database, instanceId)); // still Running in the store

        using var second = StartHost(database, marker, instanceId);
        var output = await second.StandardOutput.ReadToEndAsync();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await second.WaitForExitAsync(deadline.Token);
        }

        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"Completed {Enumerable.Range(1, Steps).Sum()}", output.Trim());
        var runs = StepsRun(marker);
        foreach (var step in recorded)
        {
            Assert.True(runs.Count(s => s == step) == 1, $"step {step} was recorded before the kill but ran {runs.Count(s => s == step)} times");
        }

        Assert.Equal(Enumerable.Range(1, Steps), runs.Distinct().Order());
    }

    private static Process StartHost(string database, string marker, string instanceId)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var host = RepositoryPaths.Combine("tests", "VideoPipeline.Engine.KillHost", "bin", tfm.Parent!.Name, tfm.Name, "VideoPipeline.Engine.KillHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing: build tests/VideoPipeline.Engine.KillHost in the same configuration");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { host, database, marker, instanceId })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static List<int> StepsRun(string marker)
    {
        if (!File.Exists(marker))
        {
            return [];
        }

        using var stream = new FileStream(marker, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);

        // A line cut short by the kill has no newline and is not counted.
        var text = reader.ReadToEnd();
        return [.. text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
    }

    private static List<int> RecordedSteps(string database, string instanceId)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM history WHERE instance_id = $id AND kind = $kind";
        command.Parameters.AddWithValue("$id", instanceId);
        command.Parameters.AddWithValue("$kind", (int)HistoryEventKind.TaskCompleted);
        using var reader = command.ExecuteReader();
        var steps = new List<int>();
        while (reader.Read())
        {
            steps.Add(int.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return steps;
    }

    private static long InstanceStatus(string database, string instanceId)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM instances WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }
}
