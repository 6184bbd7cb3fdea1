namespace VideoPipeline.Workflows;

/// <summary>The names of the external events orchestrations wait for; raised by hosts through the workflow services.</summary>
public static class WorkflowEvents
{
    /// <summary>A provider callback for a candidate's task, verified or a hint (<see cref="Candidates.ProviderUpdate"/>).</summary>
    public const string ProviderUpdate = "ProviderUpdate";

    /// <summary>A reviewer's decision on a shot awaiting human review (<see cref="Shots.ReviewDecision"/>).</summary>
    public const string ReviewDecision = "ReviewDecision";
}
