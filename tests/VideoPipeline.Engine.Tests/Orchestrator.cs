using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

/// <summary>An orchestrator from a lambda, so each conformance test shows its whole workflow in one place.</summary>
internal sealed class Orchestrator<TInput, TOutput>(Func<OrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(OrchestrationContext context, TInput input) => run(context, input);
}
