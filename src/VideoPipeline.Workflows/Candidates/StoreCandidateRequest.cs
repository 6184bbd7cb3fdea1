namespace VideoPipeline.Workflows.Candidates;

public sealed record StoreCandidateRequest(CandidateInput Candidate, string TaskId);
