namespace VideoPipeline.Workflows.Shots;

public sealed record PublishWinnerRequest(string JobId, int ShotIndex, string CandidateId, IReadOnlyDictionary<string, string> Metadata);
