using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Pipeline;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Pipeline.Tests;

/// <summary>Providers misbehaving as real ones do: throttling, outages, lost answers, moderation, expired result URLs.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ProviderTroubleTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Bursts_of_429s_and_503s_are_waited_out_or_rerouted_and_no_candidate_is_paid_for_twice(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        var replicate = pipeline.Simulator.Behavior(ProviderIds.Replicate);
        replicate.RateLimitBurst = 2;
        // One 503: two could both meet one slot (its first try and its re-route) and leave it with no attempt left.
        replicate.ServerErrorBurst = 1;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 2));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        Assert.Equal(0, replicate.RateLimitBurst + replicate.ServerErrorBurst);
        // A 429 is retried (refused, so nothing was made); a submit answered 503 is not re-posted: its slot moves on.
        Assert.All(new[] { "c0", "c1" }, slot => Assert.Single(candidates, c => c.State == CandidateState.Scored && c.CandidateId.StartsWith(slot, StringComparison.Ordinal)));
        Assert.All(candidates.Where(c => c.State != CandidateState.Scored), c => Assert.True(c is { TaskId: null, FailureCode: ProviderFailureCodes.ProviderUnavailable }, WebhookPathTests.Describe(c)));
        var scored = candidates.Count(c => c.State == CandidateState.Scored);
        Assert.Equal(scored, pipeline.Simulator.TasksCreated(ProviderIds.Replicate));
        Assert.True(pipeline.Simulator.SubmitsReceived(ProviderIds.Replicate) > scored, "no submit met the bursts");
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task A_submit_whose_answer_is_lost_is_never_posted_again_and_its_slot_is_rerouted(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        pipeline.Simulator.Behavior(ProviderIds.Replicate).LostSubmitResponses = 1;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 1));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        var lost = Assert.Single(candidates, c => c.State == CandidateState.InDoubt);
        Assert.Equal(ProviderFailureCodes.InDoubt, lost.FailureCode);
        var rerouted = Assert.Single(candidates, c => c.State == CandidateState.Scored);
        Assert.Equal("c0a1", rerouted.CandidateId);
        Assert.NotEqual(lost.Model, rerouted.Model);
        // Two tasks exist (the lost one would be billed) and each was posted exactly once.
        Assert.Equal(2, pipeline.Simulator.TasksCreated(ProviderIds.Replicate));
        Assert.Equal(2, pipeline.Simulator.SubmitsReceived(ProviderIds.Replicate));
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task A_moderated_candidate_is_rerouted_to_another_provider_and_the_manifest_names_the_reason(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        var spec = PipelineHarness.Brief([ProviderIds.Replicate, ProviderIds.Runway], candidates: 1);
        var cheapest = pipeline.Services.GetRequiredService<JobPlanner>().Plan(spec).Shots[0].Routes[0];
        pipeline.Simulator.Behavior(cheapest.ProviderId).ModerationRate = 1;

        var view = await pipeline.RunAsync(spec);

        var shot = Assert.Single(await Delivered.AssertAsync(pipeline, view, shots: 1));
        var moderated = Assert.Single(shot.Candidates, c => c.CandidateId == "c0");
        Assert.Equal(CandidateState.Moderated, moderated.State);
        Assert.Equal(ProviderFailureCodes.Moderated, moderated.FailureCode);
        Assert.Equal(cheapest.ProviderId, moderated.ProviderId);
        Assert.Equal("c0a1", shot.WinnerCandidateId);
        Assert.NotEqual(cheapest.ProviderId, shot.Candidates.Single(c => c.CandidateId == "c0a1").ProviderId);
        using var manifest = await pipeline.ManifestAsync(view.JobId);
        var listed = manifest.RootElement.GetProperty("shots")[0].GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("candidateId").GetString() == "c0");
        Assert.Equal("Moderated", listed.GetProperty("state").GetString());
        Assert.Equal($"Moderated: {moderated.FailureReason}", listed.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrWhiteSpace(moderated.FailureReason));
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task An_expired_result_url_is_read_again_for_a_fresh_one_and_the_candidate_is_kept(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        // The first URL goes out in the webhook, the second in the store's status read: that one fails, the re-read's works.
        pipeline.Simulator.Behavior(ProviderIds.Replicate).ExpiredResultUrls = 2;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 1));

        var candidate = Assert.Single((await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates());
        Assert.Equal(CandidateState.Scored, candidate.State);
        Assert.Equal(0, pipeline.Simulator.Behavior(ProviderIds.Replicate).ExpiredResultUrls);
        Assert.Equal(1, pipeline.Simulator.TasksCreated(ProviderIds.Replicate));
    }

    [Fact]
    public async Task A_result_whose_urls_all_expire_fails_its_candidate_with_a_typed_reason_and_the_shot_names_it()
    {
        await using var pipeline = await PipelineHarness.StartAsync(PipelineBackend.InMemory, azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Pipeline:MaxAttemptsPerSlot"] = "1",
        });
        pipeline.Simulator.Behavior(ProviderIds.Replicate).ExpiredResultUrls = 1000;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 1));

        Assert.True(view.Result is { Succeeded: false }, $"job ended {view.RuntimeStatus} {view.Failure}");
        var shot = Assert.Single(await pipeline.ShotResultsAsync(view.JobId, 1));
        Assert.Equal(ShotState.Failed, shot.State);
        var candidate = Assert.Single(shot.Candidates);
        Assert.Equal(CandidateState.Failed, candidate.State);
        Assert.Equal(ProviderFailureCodes.DownloadFailed, candidate.FailureCode);
        Assert.Contains("expired", candidate.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(candidate.FailureReason!, shot.FailureReason, StringComparison.Ordinal);
        Assert.False(await pipeline.Container.GetBlobClient(Domain.Storage.BlobNames.Winner(view.JobId, 0)).ExistsAsync());
    }
}
