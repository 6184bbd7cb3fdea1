using VideoPipeline.Domain.Jobs;
using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Pipeline;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Services;

namespace VideoPipeline.Pipeline.Tests;

/// <summary>Candidates whose providers call back: signed webhooks are applied as they are, unsigned ones are hints, forged ones change nothing.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class WebhookPathTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Signed_webhooks_end_every_wait_with_no_status_read_and_leave_winners_manifest_and_registry_rows_in_azurite(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString, CallbackOnly(ProviderIds.Replicate));

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], shots: 2, candidates: 2));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 2)).Candidates().ToList();
        Assert.Equal(4, candidates.Count);
        Assert.All(candidates, c => Assert.True(c is { State: CandidateState.Scored, ByWebhook: true, StatusReads: 0 }, Describe(c)));
        Assert.Equal(4, pipeline.Webhooks.Received.Count(w => w.Outcome == CallbackOutcome.Delivered));
        Assert.Equal(4, pipeline.Simulator.TasksCreated(ProviderIds.Replicate));
        Assert.Equal(4, pipeline.Simulator.SubmitsReceived(ProviderIds.Replicate));
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Unsigned_kling_callbacks_are_hints_that_cost_exactly_one_status_read_each(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString, CallbackOnly(ProviderIds.Kling));

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Kling], candidates: 2, seconds: 5));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        Assert.All(candidates, c => Assert.True(c is { State: CandidateState.Scored, ByWebhook: true, StatusReads: 1 }, Describe(c)));
        Assert.Equal(2, pipeline.Webhooks.Received.Count(w => w.Outcome == CallbackOutcome.Delivered));
    }

    [Theory]
    [InlineData(PipelineBackend.InMemory)]
    [InlineData(PipelineBackend.AzureStorage)]
    public async Task Forged_webhooks_claiming_the_opposite_outcome_are_rejected_and_change_nothing(PipelineBackend backend)
    {
        await using var pipeline = await PipelineHarness.StartAsync(backend, azurite.ConnectionString, CallbackOnly(ProviderIds.Replicate));
        pipeline.Simulator.Behavior(ProviderIds.Replicate).ForgeCallbacks = true;

        var view = await pipeline.RunAsync(PipelineHarness.Brief([ProviderIds.Replicate], candidates: 2));

        var candidates = (await Delivered.AssertAsync(pipeline, view, shots: 1)).Candidates().ToList();
        // A forged "failed" did not fail the candidate, and did not even cost a status read as a hint would.
        Assert.All(candidates, c => Assert.True(c is { State: CandidateState.Scored, StatusReads: 0 }, Describe(c)));
        var forged = await Eventually.ValueAsync(
            () => Task.FromResult(pipeline.Webhooks.Received.Where(w => w.Outcome == CallbackOutcome.Rejected).ToList()),
            r => r.Count >= 2,
            "the forged callbacks");
        Assert.All(forged, w => Assert.Equal(401, w.StatusCode));
        Assert.Equal(2, pipeline.Simulator.Callbacks.Count(c => c.Forged));
        Assert.Equal(2, pipeline.Webhooks.Received.Count(w => w.Outcome == CallbackOutcome.Delivered));
    }

    /// <summary>A first timer check far beyond the provider's latency: only the callback can end the wait in time.</summary>
    private static Dictionary<string, string?> CallbackOnly(string providerId) => new()
    {
        [$"Pipeline:FirstCheck:{providerId}"] = "00:01:00",
        ["Pipeline:LongestCheckInterval"] = "00:01:00",
    };

    internal static string Describe(CandidateResult c) =>
        $"{c.CandidateId} ({c.ProviderId} {c.Model}): {c.State}, by webhook {c.ByWebhook}, {c.StatusReads} status reads, {c.FailureCode} {c.FailureReason}";
}
