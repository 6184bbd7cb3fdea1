using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Tests.Shots;

public sealed class ShotOrchestratorTests
{
    private const string Instance = "job-1:s00";
    private static readonly RouteOption Kling = new("kling", "kling-v2", "std", ModelStage.Ga, 5, 5, 0.07m, false, false);
    private static readonly RouteOption KlingPro = new("kling", "kling-v2", "pro", ModelStage.Ga, 5, 5, 0.14m, false, false);
    private static readonly RouteOption Runway = new("runway", "gen4.5", null, ModelStage.Ga, 5, 5, 0.12m, false, false);
    private readonly Mock<TaskOrchestrationContext> _context = OrchestrationContextMock.Create(Instance);
    private readonly List<CandidateInput> _started = [];

    public ShotOrchestratorTests()
    {
        _context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == nameof(PublishWinnerActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync("jobs/job-1/shots/00/winner.mp4");
    }

    [Fact]
    public async Task A_moderated_slot_is_rerouted_to_another_provider_and_the_best_candidate_wins()
    {
        Candidates(c => c.CandidateId == "c1"
            ? Ended(c, CandidateState.Moderated, "SAFETY.INPUT.TEXT")
            : Scored(c, blur: c.CandidateId == "c1a1" ? 0.05 : 0.3));

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling, Runway]));

        Assert.Equal(ShotState.Succeeded, result.State);
        Assert.Equal(["c0", "c1", "c2", "c1a1"], _started.Select(c => c.CandidateId));
        Assert.Equal("runway", _started.Single(c => c.CandidateId == "c1").Route.ProviderId);
        Assert.Equal("kling", _started.Single(c => c.CandidateId == "c1a1").Route.ProviderId);
        Assert.Equal("c1a1", result.WinnerCandidateId);
        Assert.Equal("jobs/job-1/shots/00/winner.mp4", result.WinnerBlobName);
    }

    [Fact]
    public async Task A_model_its_provider_calls_unavailable_is_not_tried_again_by_any_slot_of_the_shot()
    {
        Candidates(c => c.Route == Kling
            ? Ended(c, CandidateState.Failed, "model kling-v2 not found", ProviderFailureCodes.ModelUnavailable)
            : c.CandidateId == "c1" ? Ended(c, CandidateState.Moderated, "SAFETY.INPUT.TEXT") : Scored(c, 0.2));

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling, Runway, KlingPro], attempts: 3));

        Assert.Equal(ShotState.Succeeded, result.State);
        // c1's fallback would be kling std (untried by c1) had c0 not learnt that it is gone.
        Assert.Equal(
            ["c0 kling/std", "c1 runway/", "c2 kling/pro", "c0a1 runway/", "c1a1 kling/pro"],
            _started.Select(c => $"{c.CandidateId} {c.Route.ProviderId}/{c.Route.Mode}"));
    }

    [Fact]
    public async Task When_every_candidate_fails_the_shot_fails_naming_each_reason()
    {
        Candidates(c => Ended(c, CandidateState.Failed, $"boom {c.CandidateId}"));

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling], attempts: 1));

        Assert.Equal(ShotState.Failed, result.State);
        Assert.Contains("boom c0", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("boom c2", result.FailureReason, StringComparison.Ordinal);
        _context.Verify(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == nameof(PublishWinnerActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task Candidates_the_budget_cannot_cover_are_not_started()
    {
        Candidates(c => Scored(c, 0.2));

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 5, routes: [Runway], budget: 1.30m));

        Assert.Equal(2, _started.Count);
        Assert.Equal(ShotState.Succeeded, result.State);
    }

    [Fact]
    public async Task A_rejected_review_refines_the_prompt_and_runs_another_round_then_an_approval_publishes()
    {
        Candidates(c => Scored(c, 0.1 + (c.Seed % 7 / 100.0)));
        var decisions = new Queue<ReviewDecision>([new ReviewDecision(ReviewAction.Reject, Feedback: "warmer light"), new ReviewDecision(ReviewAction.Approve)]);
        _context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(WorkflowEvents.ReviewDecision, It.IsAny<CancellationToken>())).Returns(() => Task.FromResult(decisions.Dequeue()));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        _context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == nameof(RefinePromptActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync("a kite, warmer light");

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling], review: new ReviewPolicy(ReviewModes.Human, 30)));

        Assert.Equal(2, result.Rounds);
        Assert.Equal("a kite, warmer light", result.Prompt);
        Assert.Equal(["c0", "c1", "c2", "r2c0", "r2c1", "r2c2"], _started.Select(c => c.CandidateId));
        Assert.All(_started.Skip(3), c => Assert.Equal("a kite, warmer light", c.Prompt));
        Assert.Equal(ShotState.Succeeded, result.State);
    }

    [Theory]
    [InlineData("c2", "c2")]
    [InlineData("c1", "c0")]
    [InlineData("c9", "c0")]
    public async Task A_reviewer_may_choose_a_runner_up_but_not_a_disqualified_or_unknown_candidate(string chosen, string winner)
    {
        Candidates(c => c.CandidateId == "c1"
            ? Scored(c, 0.2) with { Measurement = CandidateMeasurement.Failed(c.CandidateId, "does not decode completely") }
            : Scored(c, c.CandidateId == "c0" ? 0.05 : 0.3));
        _context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(WorkflowEvents.ReviewDecision, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReviewDecision(ReviewAction.Choose, CandidateId: chosen));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling], review: new ReviewPolicy(ReviewModes.Human, 30)));

        Assert.Equal(ShotState.Succeeded, result.State);
        Assert.Equal("c0", result.Ranking[0].CandidateId);
        Assert.Equal(winner, result.WinnerCandidateId);
        _context.Verify(c => c.CallActivityAsync<string>(
            It.Is<TaskName>(n => n.Name == nameof(PublishWinnerActivity)), It.Is<object?>(r => ((PublishWinnerRequest)r!).CandidateId == winner), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task An_unanswered_review_auto_approves_the_top_candidate_at_its_timeout()
    {
        Candidates(c => Scored(c, c.CandidateId == "c2" ? 0.01 : 0.4));
        _context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(WorkflowEvents.ReviewDecision, It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<ReviewDecision>().Task);
        var timers = new List<DateTime>();
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Callback((DateTime at, CancellationToken _) => timers.Add(at)).Returns(Task.CompletedTask);

        var result = await new ShotOrchestrator().RunAsync(_context.Object, Input(candidates: 3, routes: [Kling], review: new ReviewPolicy(ReviewModes.Human, 45)));

        Assert.Equal([OrchestrationContextMock.Start.AddMinutes(45)], timers);
        Assert.Equal(result.Ranking[0].CandidateId, result.WinnerCandidateId);
        Assert.Equal(1, result.Rounds);
    }

    private static ShotInput Input(int candidates, IReadOnlyList<RouteOption> routes, decimal? budget = null, ReviewPolicy? review = null, int attempts = 2) => new(
        "job-1", new ShotSpec(0, "a kite", null, 5, null), "16:9", "720p", candidates, routes,
        new Dictionary<string, CandidateTiming> { ["kling"] = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)), ["runway"] = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)) },
        budget, review ?? ReviewPolicy.Auto, RankingPolicy.Default, attempts, 3, 1_000_000);

    private void Candidates(Func<CandidateInput, CandidateResult> outcome) =>
        _context.Setup(c => c.CallSubOrchestratorAsync<CandidateResult>(It.Is<TaskName>(n => n.Name == nameof(CandidateOrchestrator)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var candidate = (CandidateInput)input!;
                _started.Add(candidate);
                return Task.FromResult(outcome(candidate));
            });

    private static CandidateResult Scored(CandidateInput c, double blur) => new(
        c.CandidateId, c.Route.ProviderId, c.Route.Model, c.Route.Mode, $"t-{c.CandidateId}", CandidateState.Scored, CandidateCost.Of(c.Route, CandidateOutcome.Succeeded),
        BlobName: $"b/{c.CandidateId}.mp4", Measurement: new CandidateMeasurement(c.CandidateId, [], [MetricReading.Measured(MetricNames.Blur, blur)]));

    private static CandidateResult Ended(CandidateInput c, CandidateState state, string reason, string code = "code") => new(
        c.CandidateId, c.Route.ProviderId, c.Route.Model, c.Route.Mode, null, state, CandidateCost.Of(c.Route, CandidateOutcome.Failed), code, reason);
}
