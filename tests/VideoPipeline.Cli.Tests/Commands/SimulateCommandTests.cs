using System.Diagnostics;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Theory]
    [InlineData("--failure-rate 1.5 --moderation-rate 0", "--failure-rate must be 0 to 1; got 1.5")]
    [InlineData("--moderation-rate -0.1", "--moderation-rate must be 0 to 1; got -0.1")]
    [InlineData("--failure-rate 0.6 --moderation-rate 0.5", "--failure-rate and --moderation-rate must add up to at most 1; got 1.1")]
    [InlineData("--port 70000", "--port must be 0 to 65535; got 70000")]
    [InlineData("--min-latency 9", "--min-latency must not exceed --max-latency; got 9 and 8 seconds")] // the default max latency is 8 s
    [InlineData("--min-latency -1 --max-latency 2", "--min-latency must be at least 0 seconds; got -1")]
    public async Task Impossible_settings_exit_2_naming_the_flag_before_anything_listens(string flags, string expected)
    {
        var (exit, stdout, stderr) = await InProcessCli.RunAsync(["simulate", .. flags.Split(' ')], []);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(ConsoleText.Squeezed($"error {expected}"), ConsoleText.Squeezed(stderr));
        Assert.Empty(stdout);
    }

    /// <summary>The real process, stopped the way a terminal (SIGINT) or a service manager (SIGTERM) stops it.</summary>
    [Theory]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Simulator_stops_and_exits_0_on_a_stop_signal(string signal)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(CliApplication).Assembly.Location, "simulate", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(deadline.Token);

            Assert.Equal(ExitCodes.Ok, process.ExitCode);
            lock (output)
            {
                Assert.Contains("provider simulator stopped", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
