namespace VideoPipeline.Workflows.Shots;

/// <summary>
/// A reviewer's answer, raised as <see cref="WorkflowEvents.ReviewDecision"/>: approve the top candidate, choose
/// another (<see cref="CandidateId"/>), or reject with <see cref="Feedback"/> that refines the prompt for another round.
/// </summary>
public sealed record ReviewDecision(ReviewAction Action, string? CandidateId = null, string? Feedback = null);
