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
}
