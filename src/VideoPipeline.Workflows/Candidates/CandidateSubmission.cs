namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Input of <see cref="SubmitCandidateActivity"/>: the candidate, its orchestration instance, and the callback token the
/// orchestrator made (replay-safe) so that a re-run of the activity recognises its own earlier attempt.
/// </summary>
public sealed record CandidateSubmission(string InstanceId, string CallbackToken, CandidateInput Candidate);
