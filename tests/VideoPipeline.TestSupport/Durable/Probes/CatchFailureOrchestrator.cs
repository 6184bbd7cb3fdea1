using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Returns what a failed activity's <see cref="TaskFailedException"/> carried: "type|message|task name".</summary>
public sealed class CatchFailureOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.CallActivityAsync<string>(nameof(FailingActivity), input);
            return "no failure";
        }
        catch (TaskFailedException ex)
        {
            return $"{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.TaskName}";
        }
    }
}
