using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Tests.Candidates;

public sealed class CandidateOrchestratorTests
{
    private const string Instance = "job-1:s00:c0";
    private static readonly RouteOption Route = new("runway", "gen4.5", null, ModelStage.Ga, 5, 5, 0.12m, ChargesFailures: false, ChargesModeration: false);
    private readonly Mock<TaskOrchestrationContext> _context = OrchestrationContextMock.Create(Instance);

    public CandidateOrchestratorTests()
    {
        _context.Setup(c => c.CreateReplaySafeLogger<CandidateOrchestrator>()).Returns(NullLogger.Instance);
    }

    [Fact]
    public async Task A_verified_webhook_leads_to_store_and_score_and_the_candidate_costs_its_billed_seconds()
    {
        Submits(SubmissionResult.Ok("task-9"));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        _context.Setup(c => c.WaitForExternalEvent<ProviderUpdate>(WorkflowEvents.ProviderUpdate, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProviderUpdate(CallbackTrust.Authoritative, new ProviderTaskStatus("task-9", ProviderTaskState.Succeeded, OrchestrationContextMock.Start)));
        _context.Setup(c => c.CallActivityAsync<StoredClip>(It.Is<TaskName>(n => n.Name == nameof(StoreCandidateActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new StoredClip("jobs/job-1/shots/00/candidates/c0.mp4", 1234));
        var measurement = new CandidateMeasurement("c0", [], [MetricReading.Measured(MetricNames.Blur, 0.1)]);
        _context.Setup(c => c.CallActivityAsync<CandidateMeasurement>(It.Is<TaskName>(n => n.Name == nameof(ScoreCandidateActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(measurement);

        var result = await new CandidateOrchestrator().RunAsync(_context.Object, Input());

        Assert.Equal(CandidateState.Scored, result.State);
        Assert.True(result.ByWebhook);
        Assert.Equal(0, result.StatusReads);
        Assert.Equal(0.60m, result.Cost.Usd);
        Assert.Equal("jobs/job-1/shots/00/candidates/c0.mp4", result.BlobName);
        Assert.Same(measurement, result.Measurement);
    }

    [Theory]
    [InlineData(ProviderFailureKind.Moderation, CandidateState.Moderated)]
    [InlineData(ProviderFailureKind.InDoubt, CandidateState.InDoubt)]
    [InlineData(ProviderFailureKind.Permanent, CandidateState.Failed)]
    public async Task A_refused_submit_ends_the_candidate_without_waiting(ProviderFailureKind kind, CandidateState expected)
    {
        Submits(SubmissionResult.Failed(new ProviderFailure(kind, "code", "refused because")));

        var result = await new CandidateOrchestrator().RunAsync(_context.Object, Input());

        Assert.Equal(expected, result.State);
        Assert.Equal("refused because", result.FailureReason);
        Assert.Equal(kind == ProviderFailureKind.InDoubt ? 0.60m : 0m, result.Cost.Usd);
        _context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_submit_activity_that_dies_is_in_doubt_and_never_posted_again()
    {
        _context.Setup(c => c.CallActivityAsync<SubmissionResult>(It.Is<TaskName>(n => n.Name == nameof(SubmitCandidateActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(nameof(SubmitCandidateActivity), 0, new TaskFailureDetails("IOException", "connection reset", null, null, null)));

        var result = await new CandidateOrchestrator().RunAsync(_context.Object, Input());

        Assert.Equal(CandidateState.InDoubt, result.State);
        Assert.Equal(ProviderFailureCodes.InDoubt, result.FailureCode);
        _context.Verify(c => c.CallActivityAsync<SubmissionResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task Past_its_deadline_the_candidate_times_out_and_counts_as_billed()
    {
        Submits(SubmissionResult.Ok("task-9"));
        var now = OrchestrationContextMock.Start;
        _context.SetupSequence(c => c.CurrentUtcDateTime).Returns(now).Returns(now.AddHours(2));

        var result = await new CandidateOrchestrator().RunAsync(_context.Object, Input());

        Assert.Equal(CandidateState.TimedOut, result.State);
        Assert.Equal(CandidateOutcome.InDoubt, result.Cost.Outcome);
    }

    [Fact]
    public async Task A_wait_that_uses_up_its_rounds_before_the_deadline_continues_as_new_without_submitting_again()
    {
        Submits(SubmissionResult.Ok("task-9"));
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        _context.Setup(c => c.WaitForExternalEvent<ProviderUpdate>(WorkflowEvents.ProviderUpdate, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProviderUpdate(CallbackTrust.Hint, null));
        _context.Setup(c => c.CallActivityAsync<ProviderTaskStatus>(It.Is<TaskName>(n => n.Name == nameof(ReadProviderStatusActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new ProviderTaskStatus("task-9", ProviderTaskState.Running, OrchestrationContextMock.Start));
        CandidateInput? carried = null;
        _context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), true)).Callback((object? next, bool _) => carried = (CandidateInput)next!);

        await new CandidateOrchestrator().RunAsync(_context.Object, Input());

        Assert.NotNull(carried?.Waiting);
        Assert.Equal(("task-9", CandidateOrchestrator.MaxWaitRounds), (carried.Waiting.TaskId, carried.Waiting.StatusReads));
        Assert.Equal(OrchestrationContextMock.Start.AddMinutes(20), carried.Waiting.Deadline);

        var resumed = OrchestrationContextMock.Create(Instance);
        resumed.Setup(c => c.CreateReplaySafeLogger<CandidateOrchestrator>()).Returns(NullLogger.Instance);
        resumed.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        resumed.Setup(c => c.WaitForExternalEvent<ProviderUpdate>(WorkflowEvents.ProviderUpdate, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProviderUpdate(CallbackTrust.Authoritative, new ProviderTaskStatus("task-9", ProviderTaskState.Failed, OrchestrationContextMock.Start, Failure: ProviderFailures.TaskFailed("render crashed"))));

        var result = await new CandidateOrchestrator().RunAsync(resumed.Object, carried);

        Assert.Equal((CandidateState.Failed, "task-9", "render crashed"), (result.State, result.TaskId, result.FailureReason));
        Assert.Equal(CandidateOrchestrator.MaxWaitRounds, result.StatusReads);
        resumed.Verify(c => c.CallActivityAsync<SubmissionResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    private static CandidateInput Input() => new(
        "job-1", 0, "c0", Route, new CandidateTiming(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)),
        "a kite", null, 5, "16:9", "720p", 42, null, 1_000_000);

    private void Submits(SubmissionResult result) =>
        _context.Setup(c => c.CallActivityAsync<SubmissionResult>(
                It.Is<TaskName>(n => n.Name == nameof(SubmitCandidateActivity)),
                It.Is<object?>(o => o is CandidateSubmission && ((CandidateSubmission)o).InstanceId == Instance),
                It.IsAny<TaskOptions?>()))
            .ReturnsAsync(result);
}
