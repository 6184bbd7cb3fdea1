using Microsoft.DurableTask;
using VideoPipeline.TestSupport.Durable;

namespace VideoPipeline.Durable.KillHost;

/// <summary>A quick step, a wait for <see cref="KillHostProtocol.Go"/>, a slow step: the test kills the host during the wait and during the slow step.</summary>
[DurableTask(KillHostProtocol.Orchestrator)]
public sealed class JournaledOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = await context.CallActivityAsync<string>(nameof(JournalActivity), new JournalStep("first", TimeSpan.Zero));
        context.SetCustomStatus(KillHostProtocol.WaitingStatus);
        var go = await context.WaitForExternalEvent<string>(KillHostProtocol.Go);
        var second = await context.CallActivityAsync<string>(nameof(JournalActivity), new JournalStep("second", input));
        return $"{first}+{go}+{second}";
    }
}
