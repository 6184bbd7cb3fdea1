namespace VideoPipeline.Workflows.Candidates;

public enum ProviderWaitOutcome
{
    /// <summary>The task reached a terminal state (succeeded or failed): see the status.</summary>
    Finished,

    /// <summary>The deadline passed with the task still queued or running.</summary>
    TimedOut,
}
