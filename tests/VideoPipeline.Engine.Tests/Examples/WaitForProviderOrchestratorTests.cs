using Moq;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests.Examples;

/// <summary>
/// The pattern for unit-testing an orchestrator without an engine, as Microsoft documents for isolated-worker
/// orchestrators: mock the abstract context, hand the code tasks you control, and verify what it scheduled.
/// </summary>
public sealed class WaitForProviderOrchestratorTests
{
    [Fact]
    public async Task When_no_webhook_arrives_before_the_timer_the_orchestrator_polls_the_provider_and_cancels_the_wait()
    {
        var startedAt = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
        var eventToken = CancellationToken.None;
        var context = new Mock<OrchestrationContext>(MockBehavior.Strict);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(startedAt);
        context.Setup(c => c.WaitForExternalEvent<string>(WaitForProviderOrchestrator.ProviderUpdateEvent, It.IsAny<CancellationToken>()))
            .Callback((string _, CancellationToken token) => eventToken = token)
            .Returns(new TaskCompletionSource<string>().Task);
        context.Setup(c => c.CreateTimer(startedAt + WaitForProviderOrchestrator.CheckAfter, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == WaitForProviderOrchestrator.PollStatusActivity), "task-42", null))
            .ReturnsAsync("succeeded");

        var result = await new WaitForProviderOrchestrator().RunAsync(context.Object, "task-42");

        Assert.Equal("succeeded", result);
        Assert.True(eventToken.IsCancellationRequested, "the losing event wait must be cancelled");
        context.Verify(c => c.CallActivityAsync<string>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }
}
