using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed class ChildOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var echoed = await context.CallActivityAsync<string>(nameof(EchoActivity), input);
        return $"{context.InstanceId}={echoed}";
    }
}
