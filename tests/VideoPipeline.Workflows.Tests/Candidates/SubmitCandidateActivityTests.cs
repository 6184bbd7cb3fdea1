using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Moq;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Tests.Candidates;

public sealed class SubmitCandidateActivityTests
{
    private const string Instance = "job-1:s00:c0";
    private const string Token = "tok-1";
    private static readonly RouteOption Kling = new("kling", "kling-v2", "std", ModelStage.Ga, 5, 5, 0.07m, false, false);
    private readonly Mock<ITaskRegistry> _registry = new();
    private readonly Mock<IVideoProvider> _provider = new();
    private readonly Mock<IModelRouter> _router = new();
    private readonly List<SubmissionRequest> _posted = [];

    public SubmitCandidateActivityTests()
    {
        _provider.SetupGet(p => p.Id).Returns("kling");
        _registry.Setup(r => r.RegisterTokenAsync(Token, Instance, It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    [Fact]
    public async Task An_accepted_submit_is_recorded_in_the_registry_with_the_candidate_it_belongs_to()
    {
        Answer(SubmissionResult.Ok("task-9"));

        var result = await Run();

        Assert.Equal("task-9", result.TaskId);
        _registry.Verify(r => r.RegisterTokenAsync(Token, Instance, It.IsAny<CancellationToken>()), Times.Once);
        _registry.Verify(r => r.RecordTaskAsync(new TaskRegistration("kling", "task-9", Instance, "job-1", 0, "c0", Token), It.IsAny<CancellationToken>()), Times.Once);
        var request = Assert.Single(_posted);
        Assert.Equal(("kling-v2", "std", 5), (request.Model, request.Mode, request.DurationSeconds));
        Assert.Equal(new Uri($"https://pipeline.example.com/api/webhooks/kling/{Token}"), request.CallbackUrl);
        _router.Verify(r => r.Report(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<ProviderFailure>()), Times.Never);
    }

    [Fact]
    public async Task A_model_the_provider_calls_unknown_is_reported_to_the_router()
    {
        var gone = ProviderFailures.ModelUnavailable("model kling-v2 is not found");
        Answer(SubmissionResult.Failed(gone));

        var result = await Run();

        Assert.Equal(ProviderFailureCodes.ModelUnavailable, result.Failure?.Code);
        _router.Verify(r => r.Report("kling", "kling-v2", "std", gone), Times.Once);
        _registry.Verify(r => r.RecordTaskAsync(It.IsAny<TaskRegistration>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_re_run_after_the_task_was_recorded_adopts_it_and_posts_nothing()
    {
        _registry.Setup(r => r.RegisterTokenAsync(Token, Instance, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _registry.Setup(r => r.FindByTokenAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TaskRegistration("kling", "task-earlier", Instance, "job-1", 0, "c0", Token));
        Answer(SubmissionResult.Ok("task-10"));

        var result = await Run();

        Assert.Equal(("task-earlier", true, (ProviderFailure?)null), (result.TaskId, result.Reconciled, result.Failure));
        Assert.Empty(_posted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_re_run_with_no_task_recorded_for_this_instance_is_in_doubt_and_never_posts_again(bool recordedForAnotherInstance)
    {
        _registry.Setup(r => r.RegisterTokenAsync(Token, Instance, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _registry.Setup(r => r.FindByTokenAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(recordedForAnotherInstance ? new TaskRegistration("kling", "task-x", "job-2:s00:c0", "job-2", 0, "c0", Token) : null);
        Answer(SubmissionResult.Ok("task-10"));

        var result = await Run();

        Assert.Equal(ProviderFailureCodes.InDoubt, result.Failure?.Code);
        Assert.Null(result.TaskId);
        Assert.Empty(_posted);
    }

    [Fact]
    public async Task A_re_run_with_no_task_recorded_asks_again_an_adapter_that_finds_earlier_submits_and_records_what_it_adopts()
    {
        _registry.Setup(r => r.RegisterTokenAsync(Token, Instance, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _registry.Setup(r => r.FindByTokenAsync(Token, It.IsAny<CancellationToken>())).ReturnsAsync((TaskRegistration?)null);
        _provider.SetupGet(p => p.FindsEarlierSubmits).Returns(true);
        Answer(SubmissionResult.Ok("task-earlier", reconciled: true));

        var result = await Run();

        Assert.Equal(("task-earlier", true), (result.TaskId, result.Reconciled));
        Assert.Equal(Instance, Assert.Single(_posted).CorrelationId);
        _registry.Verify(r => r.RecordTaskAsync(new TaskRegistration("kling", "task-earlier", Instance, "job-1", 0, "c0", Token), It.IsAny<CancellationToken>()), Times.Once);
    }

    private void Answer(SubmissionResult result) =>
        _provider.Setup(p => p.SubmitAsync(It.IsAny<SubmissionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((SubmissionRequest request, CancellationToken _) => _posted.Add(request))
            .ReturnsAsync(result);

    private Task<SubmissionResult> Run()
    {
        var activity = new SubmitCandidateActivity(
            _registry.Object, new ProviderDirectory([_provider.Object]), _router.Object,
            Options.Create(new PipelineOptions { PublicBaseUrl = new Uri("https://pipeline.example.com/") }));
        var candidate = new CandidateInput(
            "job-1", 0, "c0", Kling, new CandidateTiming(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20)),
            "a kite", null, 5, "16:9", "720p", 42, null, 1_000_000);
        return activity.RunAsync(new Mock<TaskActivityContext>().Object, new CandidateSubmission(Instance, Token, candidate));
    }
}
