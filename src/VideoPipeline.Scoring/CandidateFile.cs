namespace VideoPipeline.Scoring;

/// <summary>A candidate of a shot as a local file.</summary>
public sealed record CandidateFile(string CandidateId, string Path);
