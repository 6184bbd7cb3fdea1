namespace VideoPipeline.Cli.Tests;

/// <summary>Runs the <c>videopipeline</c> command in this process, as <c>Program</c> does, capturing what it writes.</summary>
internal static class InProcessCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
