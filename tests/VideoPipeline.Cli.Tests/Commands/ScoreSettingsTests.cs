using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests.Commands;

/// <summary><c>score</c> has no host: it binds the <c>Scoring</c> and <c>Ffmpeg</c> settings itself and must refuse them as a host would.</summary>
public sealed class ScoreSettingsTests
{
    [Fact]
    public async Task Bad_settings_exit_2_with_the_validators_messages_before_any_file_is_read()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.mp4"), "x");

        var run = await InProcessCli.RunAsync(["score", dir.File("a.mp4")], new()
        {
            ["Scoring:MaxParallelism"] = "0",
            ["Ffmpeg:FfmpegPath"] = "/nowhere/ffmpeg",
        });

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
