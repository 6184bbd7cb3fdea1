using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests.Commands;

/// <summary><c>score</c> has no host: it binds <c>Scoring__*</c> and <c>Ffmpeg__*</c> itself and must refuse them as a host would.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ScoreSettingsTests
{
    [Fact]
    public async Task Bad_settings_exit_2_with_the_validators_messages_before_any_file_is_read()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.mp4"), "x");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Scoring__MaxParallelism"] = "0",
            ["Ffmpeg__FfmpegPath"] = "/nowhere/ffmpeg",
        };

        CliRun run;
        try
        {
            foreach (var (name, value) in settings)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            run = await InProcessCli.RunAsync("score", dir.File("a.mp4"));
        }
        finally
        {
            foreach (var name in settings.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        Assert.Equal(ExitCodes.InvalidInput, run.Exit);
        Assert.Empty(run.Out);
        Assert.Equal(
            ConsoleText.Squeezed("""
                error Scoring:MaxParallelism must be 1 to 64; got 0
                error Ffmpeg:FfmpegPath must be an existing file, or empty to find it on PATH; got '/nowhere/ffmpeg'
                """),
            ConsoleText.Squeezed(run.Err));
    }
}
