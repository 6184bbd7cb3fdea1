using Microsoft.DurableTask;

namespace VideoPipeline.Workflows.Shots;

public sealed class RefinePromptActivity(IPromptRefiner refiner) : TaskActivity<RefinePromptRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, RefinePromptRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return refiner.RefineAsync(input.Prompt, input.Feedback, CancellationToken.None);
    }
}
