using System.Text.Json;
using Azure.Storage.Blobs;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable;

namespace VideoPipeline.Cli.Tests.Commands;

/// <summary>
/// <c>generate</c> end to end on real parts: the local durable runtime on the Azure Storage backend (Azurite), blobs and
/// the task registry on Azurite, the Local provider rendering with ffmpeg, scoring from the real files.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GenerateCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempDirectory _work = new("vp-generate");

    [Fact]
    public async Task A_prompt_becomes_a_scored_winner_per_shot_with_a_manifest_and_a_second_run_resumes_instead_of_paying_again()
    {
        var output = Path.Combine(_work.Path, "out");
        string[] args = ["generate", "--prompt", "A red kite over a green hill, slow pan", "--candidates", "3", "--providers", "local", "--out", output];

        var run = await InProcessCli.RunAsync(args, Settings());

        Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Out}\n{run.Err}");
        Assert.Contains("startedjob-", ConsoleText.Squeezed(run.Out), StringComparison.Ordinal);
        var winner = new FileInfo(Path.Combine(output, "shot-00.mp4"));
        Assert.True(winner.Exists && winner.Length > 1000, $"no winner clip in {output}");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "manifest.json")));
        var shot = manifest.RootElement.GetProperty("shots")[0];
        Assert.Equal("Succeeded", shot.GetProperty("state").GetString());
        Assert.Equal(3, shot.GetProperty("candidates").GetArrayLength());
        var winnerId = shot.GetProperty("winner").GetString();
        Assert.StartsWith("won with", shot.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("candidateId").GetString() == winnerId).GetProperty("verdict").GetString(), StringComparison.Ordinal);

        var again = await InProcessCli.RunAsync(args, Settings());

        Assert.True(again.Exit == 0, $"exit {again.Exit}\n{again.Out}\n{again.Err}");
        Assert.Contains("resumingjob-", ConsoleText.Squeezed(again.Out), StringComparison.Ordinal);
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container);
        var candidates = blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "jobs/", CancellationToken.None).ToBlockingEnumerable().Count(b => b.Name.Contains("/candidates/", StringComparison.Ordinal));
        Assert.Equal(3, candidates);
    }

    [Fact]
    public async Task A_brief_nothing_can_make_is_refused_before_anything_starts()
    {
        var run = await InProcessCli.RunAsync(
            ["generate", "--prompt", "A square clip", "--providers", "sora"], Settings());

        Assert.Equal(2, run.Exit);
        Assert.Contains("nothingcanmakeit", ConsoleText.Squeezed(run.Err), StringComparison.Ordinal);
    }

    public void Dispose() => _work.Dispose();

    private readonly string _container = AzuriteFixture.UniqueName("gen");
    private readonly string _hub = RuntimeHarness.UniqueTaskHub();
    private readonly string _table = $"t{Guid.NewGuid():N}";

    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:Container"] = _container,
        ["Storage:TaskTable"] = _table,
        ["Durable:StorageConnectionString"] = azurite.ConnectionString,
        ["Durable:TaskHubName"] = _hub,
        ["Durable:MaxQueuePollingInterval"] = "00:00:00.500",
        ["Providers:Local:OutputDirectory"] = Path.Combine(_work.Path, "renders"),
    };
}
