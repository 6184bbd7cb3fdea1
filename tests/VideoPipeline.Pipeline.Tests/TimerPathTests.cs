using VideoPipeline.Domain.Jobs;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Pipeline;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Pipeline.Tests;

/// <summary>Candidates no webhook reaches: the timer checks, backing off, still finish the job.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TimerPathTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Lost_webhooks_leave_each_candidate_to_its_timer_and_the_job_still_completes(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        pipeline.Webhooks.Lose = true;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 2));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        // The tasks take at most 200 ms and the first check is at 1 s: one read finds each done (a second under heavy load).
        Assert.All(candidates, c => Assert.True(c is { State: CandidateState.Scored, ByWebhook: false, StatusReads: >= 1 and <= 2 }, WebhookPathTests.Describe(c)));
        Assert.True(pipeline.Webhooks.Received.Count >= 2, "the simulator sent no webhook to lose");
        Assert.Equal(2, pipeline.Simulator.TasksCreated(ProviderIds.Replicate));
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Providers_without_webhooks_are_checked_with_doubling_intervals_within_log2_of_the_wait_plus_two_reads(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString);
        foreach (var provider in new[] { ProviderIds.Runway, ProviderIds.VeoVertex })
        {
            pipeline.Simulator.Behavior(provider).LatencyMin = TimeSpan.FromMilliseconds(2500);
            pipeline.Simulator.Behavior(provider).LatencyMax = TimeSpan.FromMilliseconds(3000);
        }

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Runway, ProviderIds.VeoVertex], candidates: 2));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        Assert.Empty(pipeline.Webhooks.Received);
        // Checks at 1 s, then 2 s later, then 4 s later: a 3 s task is seen on the 2nd; log2(3 s / 1 s) + 2 = 3.6.
        Assert.All(candidates, c => Assert.True(c is { State: CandidateState.Scored, ByWebhook: false, StatusReads: >= 1 and <= 3 }, WebhookPathTests.Describe(c)));
    }
}
