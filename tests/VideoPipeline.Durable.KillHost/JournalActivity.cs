using Microsoft.DurableTask;

namespace VideoPipeline.Durable.KillHost;

/// <summary>Records "{instance} {step} start", works, records "{instance} {step} done".</summary>
public sealed class JournalActivity(Journal journal) : TaskActivity<JournalStep, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, JournalStep input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        journal.Write($"{context.InstanceId} {input.Step} start");
        await Task.Delay(input.Work);
        journal.Write($"{context.InstanceId} {input.Step} done");
        return input.Step;
    }
}
