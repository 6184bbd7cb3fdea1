namespace VideoPipeline.Simulator;

/// <summary>One task the simulator accepted; its state follows from the clock.</summary>
internal sealed record SimulatedTask(
    string ProviderId,
    string Id,
    string Prompt,
    long Seed,
    int DurationSeconds,
    string AspectRatio,
    DateTimeOffset CreatedAt,
    DateTimeOffset CompletesAt,
    TaskOutcome Outcome,
    Uri? CallbackUrl,
    string? ExternalId,
    string Model)
{
    public SimulatedState StateAt(DateTimeOffset now) =>
        now >= CompletesAt ? (Outcome == TaskOutcome.Succeeds ? SimulatedState.Succeeded : SimulatedState.Failed)
        : now >= CreatedAt + ((CompletesAt - CreatedAt) / 3) ? SimulatedState.Running
        : SimulatedState.Queued;
}
