namespace VideoPipeline.Workflows.Candidates;

public sealed record ScoreCandidateRequest(CandidateInput Candidate);
