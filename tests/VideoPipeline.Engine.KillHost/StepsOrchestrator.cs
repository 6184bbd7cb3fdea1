using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.KillHost;

/// <summary>Runs <see cref="StepCount"/> steps one after another and returns the sum of their results.</summary>
internal sealed class StepsOrchestrator : TaskOrchestrator<int, int>
{
    public const string Name = "Steps";

    public const int StepCount = 8;

    public override async Task<int> RunAsync(OrchestrationContext context, int input)
    {
        var sum = 0;
        for (var step = 1; step <= StepCount; step++)
        {
            sum += await context.CallActivityAsync<int>(StepActivity.Name, step);
        }

        return sum;
    }
}
