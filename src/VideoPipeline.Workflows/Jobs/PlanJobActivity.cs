using Microsoft.DurableTask;

namespace VideoPipeline.Workflows.Jobs;

public sealed class PlanJobActivity(JobPlanner planner) : TaskActivity<JobInput, JobPlan>
{
    public override Task<JobPlan> RunAsync(TaskActivityContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(planner.Plan(input.Spec));
    }
}
