using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed class RetryOrchestrator : TaskOrchestrator<FlakyCall, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, FlakyCall input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(input.MaxAttempts, TimeSpan.FromMilliseconds(100), backoffCoefficient: 1));
        return context.CallActivityAsync<int>(nameof(FlakyActivity), input, retry);
    }
}
