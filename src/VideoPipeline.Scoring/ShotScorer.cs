using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring;

/// <summary>Measures a shot's candidates, at most <see cref="ScoringOptions.MaxParallelism"/> at once, and ranks them.</summary>
public sealed class ShotScorer(ICandidateScorer scorer, IOptions<ScoringOptions> options)
{
    public async Task<ShotRanking> ScoreAsync(IReadOnlyList<CandidateFile> candidates, ScoringRequest request, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.Value.MaxParallelism);
        var measurements = await Task.WhenAll(candidates.Select(async candidate =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await scorer.MeasureAsync(candidate.CandidateId, candidate.Path, request, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return ShotRanker.Rank(measurements, options.Value.ToRankingPolicy());
    }
}
