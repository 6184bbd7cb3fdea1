using Microsoft.DurableTask;
using Moq;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Tests.Jobs;

public sealed class JobOrchestratorTests
{
    private const string JobId = "job-1";
    private const string ManifestBlob = "jobs/job-1/manifest.json";
    private static readonly RouteOption Kling = new("kling", "kling-v2", "std", ModelStage.Ga, 5, 5, 0.07m, false, false);
    private readonly Mock<TaskOrchestrationContext> _context = OrchestrationContextMock.Create(JobId);
    private readonly List<(ShotInput Input, string? InstanceId)> _shots = [];
    private readonly List<object?> _statuses = [];
    private JobManifest? _manifest;

    public JobOrchestratorTests()
    {
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(_statuses.Add);
        _context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == nameof(WriteManifestActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? manifest, TaskOptions? _) => _manifest = (JobManifest)manifest!)
            .ReturnsAsync(ManifestBlob);
    }

    [Fact]
    public async Task A_refused_plan_spends_nothing_and_names_the_refusal()
    {
        Plan(shots: 2, refusal: "the cheapest plan costs 4.20 USD, over the budget of 1.00 USD");

        var result = await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 2, budget: 1m));

        Assert.False(result.Succeeded);
        Assert.Equal("the cheapest plan costs 4.20 USD, over the budget of 1.00 USD", result.Refusal);
        Assert.Empty(_shots);
        Assert.Null(_manifest);
        var last = Assert.IsType<JobProgress>(_statuses[^1]);
        Assert.Equal(JobStages.Refused, last.Stage);
        Assert.Equal(result.Refusal, last.Message);
    }

    [Fact]
    public async Task Shots_run_as_their_own_instances_never_more_at_once_than_the_plan_allows()
    {
        Plan(shots: 5, maxParallel: 2);
        var pending = new Dictionary<int, TaskCompletionSource<ShotResult>>();
        Shots(input =>
        {
            var done = new TaskCompletionSource<ShotResult>();
            pending[input.Shot.Index] = done;
            return done.Task;
        });

        var run = new JobOrchestrator().RunAsync(_context.Object, Job(shots: 5));
        Assert.Equal([0, 1], _shots.Select(s => s.Input.Shot.Index));
        pending[1].SetResult(Won(1));
        Assert.Equal([0, 1, 2], _shots.Select(s => s.Input.Shot.Index));
        foreach (var index in new[] { 0, 2, 3, 4 })
        {
            Assert.True(_shots.Count - pending.Values.Count(p => p.Task.IsCompleted) <= 2);
            pending[index].SetResult(Won(index));
        }

        var result = await run;

        Assert.Equal(["job-1:s00", "job-1:s01", "job-1:s02", "job-1:s03", "job-1:s04"], _shots.Select(s => s.InstanceId));
        Assert.True(result.Succeeded);
        Assert.Equal(ManifestBlob, result.ManifestBlobName);
        Assert.Equal([0, 1, 2, 3, 4], result.Shots.Select(s => s.ShotIndex));
    }

    [Fact]
    public async Task A_shot_that_fails_or_whose_orchestration_crashes_is_named_and_the_others_still_complete_the_job()
    {
        Plan(shots: 3);
        Shots(input => input.Shot.Index switch
        {
            0 => Task.FromResult(Won(0)),
            1 => Task.FromResult(new ShotResult(1, ShotState.Failed, null, null, [], [], 0.35m, "every candidate failed: c0 moderated", input.Shot.Prompt, 1)),
            _ => Task.FromException<ShotResult>(new TaskFailedException(nameof(ShotOrchestrator), 7, new TaskFailureDetails("System.InvalidOperationException", "disk full", null, null, null))),
        });

        var result = await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 3));

        Assert.False(result.Succeeded);
        Assert.Equal([1, 2], result.FailedShots);
        Assert.Contains("disk full", result.Shots.Single(s => s.ShotIndex == 2).Reason, StringComparison.Ordinal);
        Assert.Equal("every candidate failed: c0 moderated", result.Shots.Single(s => s.ShotIndex == 1).Reason);
        Assert.NotNull(_manifest);
        Assert.Equal(["Succeeded", "Failed", "Failed"], _manifest.Shots.Select(s => s.State));
        Assert.Equal(0.35m + 0.35m, result.CostUsd);
        Assert.Equal(JobStages.Done, Assert.IsType<JobProgress>(_statuses[^1]).Stage);
    }

    [Fact]
    public async Task Each_shot_gets_its_planned_cost_plus_a_share_of_the_budget_left_over_and_the_shares_add_up_to_the_budget()
    {
        Plan(shots: 3, perShotUsd: [1.00m, 2.00m, 1.00m]);
        Shots(input => Task.FromResult(Won(input.Shot.Index)));

        await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 3, budget: 6m));

        var budgets = _shots.OrderBy(s => s.Input.Shot.Index).Select(s => s.Input.BudgetUsd!.Value).ToList();
        Assert.Equal([1.5m, 3.0m, 1.5m], budgets);
        Assert.Equal(6m, budgets.Sum());
    }

    [Fact]
    public async Task Without_a_budget_shots_run_unlimited()
    {
        Plan(shots: 2);
        Shots(input => Task.FromResult(Won(input.Shot.Index)));

        await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 2));

        Assert.All(_shots, s => Assert.Null(s.Input.BudgetUsd));
    }

    [Fact]
    public async Task The_callback_is_sent_with_durable_retries_and_a_callback_that_never_answers_does_not_fail_the_job()
    {
        Plan(shots: 1);
        Shots(input => Task.FromResult(Won(input.Shot.Index)));
        TaskOptions? retries = null;
        NotifyCallbackRequest? sent = null;
        _context.Setup(c => c.CallActivityAsync<int>(It.Is<TaskName>(n => n.Name == nameof(NotifyCallbackActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? request, TaskOptions? options) => (sent, retries) = ((NotifyCallbackRequest)request!, options))
            .ThrowsAsync(new TaskFailedException(nameof(NotifyCallbackActivity), 9, new TaskFailureDetails("System.Net.Http.HttpRequestException", "receiver answered 503", null, null, null)));

        var result = await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 1, callback: new Uri("https://hooks.example.com/done")));

        Assert.True(result.Succeeded);
        Assert.Equal("receiver answered 503", result.CallbackFailure);
        Assert.Equal(new Uri("https://hooks.example.com/done"), sent!.Url);
        Assert.Equal(JobId, sent.MessageId);
        Assert.True(retries?.Retry?.Policy?.MaxNumberOfAttempts > 1);
    }

    [Fact]
    public async Task Without_a_callback_url_nothing_is_sent()
    {
        Plan(shots: 1);
        Shots(input => Task.FromResult(Won(input.Shot.Index)));

        await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 1));

        _context.Verify(c => c.CallActivityAsync<int>(It.Is<TaskName>(n => n.Name == nameof(NotifyCallbackActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task Progress_reports_spend_so_far_per_shot_and_stays_under_16_KB_for_50_shots_of_5_candidates()
    {
        Plan(shots: 50, maxParallel: 50);
        Shots(input => Task.FromResult(Won(input.Shot.Index, candidates: 5, reason: new string('x', 200))));

        await new JobOrchestrator().RunAsync(_context.Object, Job(shots: 50, candidates: 5));

        var progress = _statuses.OfType<JobProgress>().ToList();
        Assert.Equal([JobStages.Planning, JobStages.Generating], progress.Take(2).Select(p => p.Stage));
        Assert.Equal(Enumerable.Range(0, 51), progress.Where(p => p.Stage == JobStages.Generating).Select(p => p.ShotsDone));
        var last = progress[^1];
        Assert.Equal(JobStages.Done, last.Stage);
        Assert.Equal(50 * 0.35m, last.CostUsd);
        var bytes = Microsoft.DurableTask.Converters.JsonDataConverter.Default.Serialize(last)!.Length;
        Assert.InRange(bytes, 1, 16 * 1024);
    }

    private void Plan(int shots, int maxParallel = 4, string? refusal = null, decimal[]? perShotUsd = null)
    {
        var costs = perShotUsd ?? [.. Enumerable.Repeat(0.35m, shots)];
        var plan = new JobPlan(
            [.. Enumerable.Range(0, shots).Select(i => new ShotPlan(i, [Kling], costs[i], null))], costs.Sum(), refusal,
            new Dictionary<string, CandidateTiming> { ["kling"] = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)) },
            RankingPolicy.Default, maxParallel, 2, 3, 1_000_000);
        _context.Setup(c => c.CallActivityAsync<JobPlan>(It.Is<TaskName>(n => n.Name == nameof(PlanJobActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(plan);
    }

    private void Shots(Func<ShotInput, Task<ShotResult>> outcome) =>
        _context.Setup(c => c.CallSubOrchestratorAsync<ShotResult>(It.Is<TaskName>(n => n.Name == nameof(ShotOrchestrator)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? options) =>
            {
                var shot = (ShotInput)input!;
                _shots.Add((shot, (options as SubOrchestrationOptions)?.InstanceId));
                return outcome(shot);
            });

    private static JobInput Job(int shots, decimal? budget = null, Uri? callback = null, int candidates = 3) => new(JobId, new JobSpec(
        null, "a test job", [.. Enumerable.Range(0, shots).Select(i => new ShotSpec(i, $"shot {i}: a kite over the sea", null, 5, null))],
        "16:9", "720p", candidates, ProviderPolicy.Named(ProviderPolicies.Cheapest), budget, ReviewPolicy.Auto, callback));

    private static ShotResult Won(int index, int candidates = 3, string? reason = null)
    {
        var results = Enumerable.Range(0, candidates).Select(k => new CandidateResult(
            $"c{k}", "kling", "kling-v2", "std", $"task-{index}-{k}", CandidateState.Scored, CandidateCost.Of(Kling, CandidateOutcome.Succeeded),
            FailureReason: reason, BlobName: $"jobs/job-1/shots/{index:D2}/candidates/c{k}.mp4")).ToList();
        var ranking = results.Select((c, k) => new CandidateScore(c.CandidateId, 0.9 - (k / 10.0), k + 1, false, [], [])).ToList();
        return new ShotResult(index, ShotState.Succeeded, "c0", $"jobs/job-1/shots/{index:D2}/winner.mp4", results, ranking, 0.35m, null, $"shot {index}", 1);
    }
}
