namespace VideoPipeline.Workflows.Candidates;

/// <summary>How a candidate ended. Only <see cref="Scored"/> candidates can win (unless their measurement disqualified them).</summary>
public enum CandidateState
{
    /// <summary>Made, stored and measured.</summary>
    Scored,

    /// <summary>The provider refused the submit or the task failed.</summary>
    Failed,

    /// <summary>The provider's safety system refused the prompt or the output.</summary>
    Moderated,

    /// <summary>The submit may have reached the provider but no task could be found: never posted again.</summary>
    InDoubt,

    /// <summary>The model's deadline passed with the task unfinished.</summary>
    TimedOut,
}
