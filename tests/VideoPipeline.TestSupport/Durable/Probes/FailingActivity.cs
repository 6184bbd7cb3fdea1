using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed class FailingActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException($"refused '{input}'");
}
