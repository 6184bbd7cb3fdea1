using System.Text.Json;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task A_valid_brief_exits_0_and_prints_the_plan()
    {
        var (exit, stdout, _) = await InProcessCli.RunAsync("validate", RepositoryPaths.Combine("examples", "spring-sale-vertical-ad.json"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Spring sale", stdout, StringComparison.Ordinal);
        Assert.Contains("1080×1920", stdout, StringComparison.Ordinal);
        Assert.Contains("12 in all", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_brief_exits_2_and_lists_every_problem_with_its_path()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("bad.json"), """{ "title": "", "candidatesPerShot": 9, "shots": [ { "prompt": "p", "durationSeconds": 0 } ] }""");

        var (exit, _, stderr) = await InProcessCli.RunAsync("validate", dir.File("bad.json"));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("3 problems", stderr, StringComparison.Ordinal);
        Assert.Contains("$.title", stderr, StringComparison.Ordinal);
        Assert.Contains("$.candidatesPerShot", stderr, StringComparison.Ordinal);
        Assert.Contains("$.shots[0].durationSeconds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_machine_readable_for_both_verdicts()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("bad.json"), """{ "title": "it's", "shots": [] }""");

        var (badExit, badOut, _) = await InProcessCli.RunAsync("validate", dir.File("bad.json"), "--json");
        var (goodExit, goodOut, _) = await InProcessCli.RunAsync("validate", RepositoryPaths.Combine("examples", "local-demo.json"), "--json");

        Assert.Equal(ExitCodes.InvalidInput, badExit);
        using (var bad = JsonDocument.Parse(badOut))
        {
            Assert.False(bad.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal("$.shots", bad.RootElement.GetProperty("problems")[0].GetProperty("path").GetString());
        }

        Assert.Equal(ExitCodes.Ok, goodExit);
        using var good = JsonDocument.Parse(goodOut);
        Assert.True(good.RootElement.GetProperty("valid").GetBoolean());
        var plan = good.RootElement.GetProperty("plan");
        Assert.Equal(9, plan.GetProperty("candidateCount").GetInt32());
        Assert.Equal(1280, plan.GetProperty("width").GetInt32());
        Assert.Equal("local", plan.GetProperty("job").GetProperty("providerPolicy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_message()
    {
        var (exit, _, stderr) = await InProcessCli.RunAsync("validate", "/nonexistent/brief.json");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(
            ConsoleText.Squeezed("invalid /nonexistent/brief.json: 1 problem $ cannot read /nonexistent/brief.json: no such file"),
            ConsoleText.Squeezed(stderr));
    }

    [Fact]
    public async Task Validate_without_a_brief_is_a_usage_error()
    {
        var (exit, _, stderr) = await InProcessCli.RunAsync("validate");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Required argument missing", stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }
}
