using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace VideoPipeline.Workflows.Tests;

/// <summary>A mocked <see cref="TaskOrchestrationContext"/> at a fixed time with the replay-safe logger set up, as Microsoft's samples do.</summary>
internal static class OrchestrationContextMock
{
    public static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Mock<TaskOrchestrationContext> Create(string instanceId)
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Start);
        context.SetupGet(c => c.InstanceId).Returns(instanceId);
        context.Setup(c => c.NewGuid()).Returns(new Guid("6f1c2a9e-0000-4000-8000-000000000001"));
        context.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<Type>())).Returns(NullLogger.Instance);
        return context;
    }
}
