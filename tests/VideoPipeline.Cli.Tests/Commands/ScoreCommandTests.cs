using System.Text.Json;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests.Commands;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ScoreCommandTests
{
    [Fact]
    public async Task Json_ranks_the_files_best_first_with_reasons_and_metrics()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("clean.mp4"), TestClips.Source(seconds: 2));
        await TestClips.RenderAsync(dir.File("black.mp4"), TestClips.Source(seconds: 2) + ",drawbox=c=black:t=fill:enable='lt(t,1)'");
        await TestClips.RenderAsync(dir.File("short.mp4"), TestClips.Source(seconds: 0.5));

        var (exit, stdout, _) = await InProcessCli.RunAsync("score", dir.File("short.mp4"), dir.File("black.mp4"), dir.File("clean.mp4"), "--expect", "640x360", "--duration", "2", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var doc = JsonDocument.Parse(stdout);
        var ranking = doc.RootElement.GetProperty("ranking");
        Assert.Equal([dir.File("clean.mp4"), dir.File("black.mp4"), dir.File("short.mp4")], ranking.EnumerateArray().Select(e => e.GetProperty("file").GetString()));
        Assert.InRange(ranking[0].GetProperty("score").GetDouble(), ranking[1].GetProperty("score").GetDouble() + 1e-9, 1);
        Assert.False(ranking[0].GetProperty("disqualified").GetBoolean());
        Assert.Equal(0.5, ranking[1].GetProperty("metrics").GetProperty("blackFraction").GetProperty("value").GetDouble(), 1);
        Assert.Equal("notMeasured", ranking[0].GetProperty("metrics").GetProperty("promptAdherence").GetProperty("status").GetString());
        Assert.True(ranking[2].GetProperty("disqualified").GetBoolean());
        Assert.StartsWith("duration 0.5 s instead of 2 s", ranking[2].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_names_the_pick_and_why_the_others_lost()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("sharp.mp4"), TestClips.Source(seconds: 1));
        await TestClips.RenderAsync(dir.File("soft.mp4"), TestClips.Source(seconds: 1) + ",gblur=sigma=5");

        var (exit, stdout, _) = await InProcessCli.RunAsync("score", dir.File("soft.mp4"), dir.File("sharp.mp4"));

        Assert.Equal(ExitCodes.Ok, exit);
        var unwrapped = ConsoleText.Squeezed(stdout);
        Assert.Contains($"pick{dir.File("sharp.mp4")}", unwrapped, StringComparison.Ordinal);
        Assert.Contains("−blur", unwrapped, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--expect", "wide", "--expect must be WIDTHxHEIGHT, e.g. 1920x1080; got 'wide'")]
    [InlineData("--expect", "0x1080", "--expect must be WIDTHxHEIGHT, e.g. 1920x1080; got '0x1080'")]
    [InlineData("--duration", "-3", "--duration must be more than 0 seconds; got -3")]
    public async Task A_bad_flag_exits_2_naming_it(string flag, string value, string expected)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("a.mp4"), "x");

        var (exit, _, stderr) = await InProcessCli.RunAsync("score", dir.File("a.mp4"), flag, value);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(ConsoleText.Squeezed($"error {expected}"), ConsoleText.Squeezed(stderr));
    }

    [Fact]
    public async Task A_missing_file_exits_2_and_every_file_disqualified_exits_2_too()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("notes.mp4"), "not a video");

        var (missingExit, _, missingErr) = await InProcessCli.RunAsync("score", dir.File("nowhere.mp4"));
        var (allBadExit, allBadOut, _) = await InProcessCli.RunAsync("score", dir.File("notes.mp4"), "--json");

        Assert.Equal(ExitCodes.InvalidInput, missingExit);
        Assert.Contains("nowhere.mp4", missingErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, allBadExit);
        Assert.Contains("cannot be read as video", allBadOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_names_each_defect_in_viewer_terms_with_its_reading()
    {
        using var dir = new TempDirectory();
        await TestClips.RenderAsync(dir.File("clean.mp4"), TestClips.Source(seconds: 1));
        await TestClips.RenderAsync(dir.File("stutter.mp4"), TestClips.Source(seconds: 1) + ",fps=6,fps=24");
        await TestClips.RenderAsync(dir.File("boxed.mp4"), TestClips.Source(seconds: 1) + ",scale=640:268,pad=640:360:0:46,setsar=1", crf: 44);

        var (exit, stdout, _) = await InProcessCli.RunAsync("score", dir.File("stutter.mp4"), dir.File("boxed.mp4"), dir.File("clean.mp4"));
        var (_, json, _) = await InProcessCli.RunAsync("score", dir.File("stutter.mp4"), dir.File("boxed.mp4"), dir.File("clean.mp4"), "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        // The table wraps long cells, so it is checked word by word; the JSON carries the whole phrases.
        var unwrapped = ConsoleText.Squeezed(stdout);
        Assert.Contains($"pick{dir.File("clean.mp4")}", unwrapped, StringComparison.Ordinal);
        Assert.Contains("stutters:", unwrapped, StringComparison.Ordinal);
        Assert.Contains("compression:", unwrapped, StringComparison.Ordinal);
        Assert.Contains("letterboxed:", unwrapped, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var byFile = doc.RootElement.GetProperty("ranking").EnumerateArray().ToDictionary(e => Path.GetFileName(e.GetProperty("file").GetString()!), e => e);
        Assert.Empty(byFile["clean.mp4"].GetProperty("defects").EnumerateArray());
        Assert.Matches(@"^stutters: [56](\.\d)? effective fps$", byFile["stutter.mp4"].GetProperty("defects")[0].GetString());
        Assert.Equal("defect", byFile["stutter.mp4"].GetProperty("metrics").GetProperty("effectiveFps").GetProperty("kind").GetString());
        var boxed = byFile["boxed.mp4"].GetProperty("defects").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains(boxed, d => d!.StartsWith("blocky compression: quantiser 4", StringComparison.Ordinal));
        Assert.Contains(boxed, d => d!.StartsWith("letterboxed: 7", StringComparison.Ordinal) && d.EndsWith("% active picture", StringComparison.Ordinal));
    }
}
