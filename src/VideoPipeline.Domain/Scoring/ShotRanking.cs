namespace VideoPipeline.Domain.Scoring;

/// <summary>A shot's candidates best first; <see cref="Winner"/> is null when every candidate was disqualified.</summary>
public sealed record ShotRanking(IReadOnlyList<CandidateScore> Ranking)
{
    public CandidateScore? Winner => Ranking.Count > 0 && !Ranking[0].Disqualified ? Ranking[0] : null;
}
