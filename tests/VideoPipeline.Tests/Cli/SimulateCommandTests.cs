using VideoPipeline.Cli;

namespace VideoPipeline.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Theory]
    [InlineData("--failure-rate", "1.5")]
    [InlineData("--port", "70000")]
    [InlineData("--min-latency", "9")] // above the default max latency of 8 s
    public async Task Impossible_settings_exit_2_before_anything_listens(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApplication.RunAsync(["simulate", option, value], output, error);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("invalid options", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
