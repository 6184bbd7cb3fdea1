using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests.Examples;

/// <summary>
/// A small orchestrator in the shape of the candidate workflow's wait (ARCHITECTURE.md, "The workflows"): a webhook
/// event or, when none comes in time, a durable timer and a status poll. The loser of the race is cancelled.
/// </summary>
internal sealed class WaitForProviderOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "WaitForProvider";
    public const string ProviderUpdateEvent = "ProviderUpdate";
    public const string PollStatusActivity = "PollStatus";

    public static readonly TimeSpan CheckAfter = TimeSpan.FromMinutes(2);

    public override async Task<string> RunAsync(OrchestrationContext context, string input)
    {
        using var cancel = new CancellationTokenSource();
        var update = context.WaitForExternalEvent<string>(ProviderUpdateEvent, cancel.Token);
        var check = context.CreateTimer(context.CurrentUtcDateTime.Add(CheckAfter), cancel.Token);
        var winner = await Task.WhenAny(update, check);
        cancel.Cancel();
        return winner == update ? await update : await context.CallActivityAsync<string>(PollStatusActivity, input);
    }
}
