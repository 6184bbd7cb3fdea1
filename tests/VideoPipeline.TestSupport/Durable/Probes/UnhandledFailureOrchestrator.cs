using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Lets an activity's failure escape: the instance fails with the failure's details.</summary>
public sealed class UnhandledFailureOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<string>(nameof(FailingActivity), input);
    }
}
