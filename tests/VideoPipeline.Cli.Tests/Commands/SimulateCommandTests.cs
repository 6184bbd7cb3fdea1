namespace VideoPipeline.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Theory]
    [InlineData("--failure-rate", "1.5")]
    [InlineData("--port", "70000")]
    [InlineData("--min-latency", "9")] // above the default max latency of 8 s
    public async Task Impossible_settings_exit_2_before_anything_listens(string option, string value)
    {
        var (exit, stdout, stderr) = await InProcessCli.RunAsync("simulate", option, value);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("invalid options", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }
}
