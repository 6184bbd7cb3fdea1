using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed class EchoActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
}
