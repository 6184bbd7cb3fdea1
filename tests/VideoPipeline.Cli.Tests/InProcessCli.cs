using Microsoft.Extensions.Configuration;

namespace VideoPipeline.Cli.Tests;

/// <summary>
/// Runs the <c>videopipeline</c> command in this process, as <c>Program</c> does, capturing what it writes. Settings come
/// from the test, never from the process environment, so a developer's own <c>Scoring__*</c> variables change nothing.
/// </summary>
internal static class InProcessCli
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, []);

    public static async Task<CliRun> RunAsync(string[] args, Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exit = await CliApplication.RunAsync(args, output, error, configuration, time);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
