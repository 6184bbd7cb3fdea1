using System.Globalization;
using Azure.Data.Tables;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Media;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Pipeline;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Services;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Pipeline.Tests;

/// <summary>What a finished job must have left in Azurite: a decodable winner per shot, the manifest, a registry row per task.</summary>
internal static class Delivered
{
    private static readonly FfmpegTools Tools = FfmpegTools.Locate();

    public static async Task<IReadOnlyList<ShotResult>> AssertAsync(PipelineHarness pipeline, JobStatusView view, int shots)
    {
        Assert.True(view.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, $"job ended {view.RuntimeStatus}: {view.Failure}");
        Assert.NotNull(view.Result);
        var results = await pipeline.ShotResultsAsync(view.JobId, shots);
        Assert.True(view.Result.Succeeded, "shots without a winner: " + string.Join("; ", results.Select(s => s.FailureReason)));

        using var manifest = await pipeline.ManifestAsync(view.JobId);
        var manifestShots = manifest.RootElement.GetProperty("shots");
        Assert.Equal(shots, manifestShots.GetArrayLength());
        foreach (var shot in results)
        {
            Assert.Equal(ShotState.Succeeded, shot.State);
            await AssertDecodableWinnerAsync(pipeline, view.JobId, shot);
            var listed = manifestShots.EnumerateArray().Single(s => s.GetProperty("index").GetInt32() == shot.ShotIndex);
            Assert.Equal(shot.WinnerCandidateId, listed.GetProperty("winner").GetString());
            var candidates = listed.GetProperty("candidates").EnumerateArray().ToList();
            Assert.Equal(shot.Candidates.Count, candidates.Count);
            Assert.StartsWith("won with", candidates.Single(c => c.GetProperty("candidateId").GetString() == shot.WinnerCandidateId).GetProperty("verdict").GetString(), StringComparison.Ordinal);
            foreach (var candidate in shot.Candidates.Where(c => c.TaskId is not null))
            {
                var row = await pipeline.Registry.FindByTaskAsync(candidate.ProviderId, candidate.TaskId!, CancellationToken.None);
                Assert.True(row is not null, $"no registry row for {candidate.ProviderId}/{candidate.TaskId}");
                Assert.Equal($"{PipelineHarness.ShotInstance(view.JobId, shot.ShotIndex)}:{candidate.CandidateId}", row.InstanceId);
            }
        }

        var tasks = results.SelectMany(s => s.Candidates).Count(c => c.TaskId is not null);
        var rows = pipeline.TaskTable.Query<TableEntity>(e => e.PartitionKey.CompareTo("task_") >= 0 && e.PartitionKey.CompareTo("task`") < 0).Count();
        Assert.Equal(tasks, rows);
        return results;
    }

    public static IEnumerable<CandidateResult> Candidates(this IReadOnlyList<ShotResult> shots) => shots.SelectMany(s => s.Candidates);

    private static async Task AssertDecodableWinnerAsync(PipelineHarness pipeline, string jobId, ShotResult shot)
    {
        var blob = pipeline.Container.GetBlobClient(BlobNames.Winner(jobId, shot.ShotIndex));
        var properties = await blob.GetPropertiesAsync();
        var winner = shot.Candidates.Single(c => c.CandidateId == shot.WinnerCandidateId);
        Assert.Equal(winner.ProviderId, properties.Value.Metadata["provider"]);
        Assert.Equal("video/mp4", properties.Value.ContentType);

        using var work = new TempDirectory("vp-winner");
        var path = Path.Combine(work.Path, "winner.mp4");
        await blob.DownloadToAsync(path);
        var probe = await ProcessRunner.RunAsync(
            Tools.Ffprobe,
            ["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path],
            TimeSpan.FromSeconds(30));
        Assert.True(probe.Succeeded, $"ffprobe failed on shot {shot.ShotIndex}'s winner: {probe.StandardError}");
        Assert.True(int.Parse(probe.StandardOutput.Trim(), CultureInfo.InvariantCulture) > 0, $"no frames decode in shot {shot.ShotIndex}'s winner");
    }
}
