namespace VideoPipeline.Simulator;

/// <summary>How a simulated task ends, drawn at submit from the provider's failure and moderation rates.</summary>
public enum TaskOutcome
{
    Succeeds,
    Fails,
    Moderated,
}
