namespace VideoPipeline.Workflows.Shots;

/// <summary>A candidate offered to a reviewer: its rank, score and blob.</summary>
public sealed record RankedCandidate(string CandidateId, int Rank, double Score, bool Disqualified, string? BlobName, string Why);
