namespace VideoPipeline.Simulator;

/// <summary>The seeded random draws of outcomes and latencies, so a run can be repeated.</summary>
internal sealed class OutcomeDraws(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    /// <summary>How the next task ends, from the behaviour's moderation and failure rates.</summary>
    public TaskOutcome Outcome(SimulatedProviderBehavior behavior)
    {
        var draw = Next();
        return draw < behavior.ModerationRate ? TaskOutcome.Moderated
            : draw < behavior.ModerationRate + behavior.FailureRate ? TaskOutcome.Fails
            : TaskOutcome.Succeeds;
    }

    /// <summary>How long the next task takes, uniform between the behaviour's bounds.</summary>
    public TimeSpan Latency(SimulatedProviderBehavior behavior) =>
        behavior.LatencyMin + ((behavior.LatencyMax - behavior.LatencyMin) * Next());

    private double Next()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }
}
