using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

/// <summary>An activity from a lambda.</summary>
internal sealed class Activity<TInput, TOutput>(Func<TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(input);
}
