using System.Diagnostics;
using VideoPipeline.Media;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Media.Tests;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task Arguments_reach_the_tool_verbatim_without_a_shell()
    {
        var result = await ProcessRunner.RunAsync("/bin/echo", ["a b", "$HOME", "; rm -rf /"], TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded);
        Assert.Equal("a b $HOME ; rm -rf /", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Exit_code_and_stderr_are_captured()
    {
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", "echo oops >&2; exit 3"], TimeSpan.FromSeconds(30));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("oops", result.StandardError.Trim());
    }

    [Fact]
    public async Task A_tool_that_overruns_its_time_limit_is_killed_and_reported()
    {
        using var dir = new TempDirectory();
        var pidFile = dir.File("pid");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() =>
            ProcessRunner.RunAsync("/bin/sh", ["-c", $"echo $$ > {pidFile}; exec sleep 60"], TimeSpan.FromMilliseconds(500)));

        Assert.Contains("did not finish within", ex.Message, StringComparison.Ordinal);
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    [Fact]
    public async Task Cancellation_kills_the_tool_and_surfaces_as_cancellation()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProcessRunner.RunAsync("/bin/sleep", ["60"], TimeSpan.FromMinutes(1), cancel.Token));
    }
}
