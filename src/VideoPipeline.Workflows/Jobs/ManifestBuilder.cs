using VideoPipeline.Workflows.Candidates;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>Builds the manifest and the per-shot summaries from the shots' results (deterministic: orchestrator code).</summary>
public static class ManifestBuilder
{
    public static ShotSummary Summarize(ShotResult shot)
    {
        ArgumentNullException.ThrowIfNull(shot);
        var winner = shot.Candidates.FirstOrDefault(c => c.CandidateId == shot.WinnerCandidateId);
        return new ShotSummary(
            shot.ShotIndex, shot.State.ToString(), shot.WinnerCandidateId, winner?.ProviderId, shot.WinnerScore?.Score, shot.CostUsd,
            shot.Candidates.Count, shot.Candidates.Count(c => !c.CanWin), shot.FailureReason);
    }

    public static JobManifest Build(JobInput job, DateTime completedAt, IReadOnlyList<ShotResult> shots)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(shots);
        var manifestShots = shots.OrderBy(s => s.ShotIndex).Select(s => new ManifestShot(
            s.ShotIndex, s.State.ToString(), s.Prompt, s.Rounds, s.WinnerCandidateId, s.WinnerBlobName, s.CostUsd, s.FailureReason,
            [.. s.Candidates.Select(c => Candidate(s, c))])).ToList();
        return new JobManifest(
            job.JobId, job.Spec.Title, completedAt, manifestShots,
            shots.Sum(s => s.Candidates.Sum(c => c.Cost.BilledSeconds)), shots.Sum(s => s.CostUsd));
    }

    private static ManifestCandidate Candidate(ShotResult shot, CandidateResult c)
    {
        var score = shot.Ranking.FirstOrDefault(r => r.CandidateId == c.CandidateId);
        return new ManifestCandidate(
            c.CandidateId, c.ProviderId, c.Model, c.TaskId, c.State.ToString(), c.Cost.BilledSeconds, c.Cost.Usd, c.BlobName,
            score?.Score, score?.Rank, Verdict(shot, c, score), score?.Metrics);
    }

    /// <summary>The one line a reader needs: why this candidate won, or why it lost.</summary>
    private static string Verdict(ShotResult shot, CandidateResult c, Domain.Scoring.CandidateScore? score)
    {
        if (c.CandidateId == shot.WinnerCandidateId)
        {
            var runnerUp = shot.Ranking.FirstOrDefault(r => r.CandidateId != c.CandidateId && !r.Disqualified);
            var best = score?.Metrics.Where(m => m.Weight > 0).OrderByDescending(m => (m.Score ?? 0) * m.Weight).FirstOrDefault();
            return FormattableString.Invariant($"won with {score?.Score:0.000}")
                + (runnerUp is null ? " (the only candidate that qualified)" : FormattableString.Invariant($" over {runnerUp.CandidateId} ({runnerUp.Score:0.000})"))
                + (best is null ? string.Empty : $", strongest on {best.Name}");
        }

        if (c.FailureReason is not null)
        {
            return $"{c.State}: {c.FailureReason}";
        }

        if (score is null)
        {
            return "not scored";
        }

        return score.Disqualified
            ? $"disqualified: {string.Join("; ", score.Reasons)}"
            : FormattableString.Invariant($"ranked {score.Rank} with {score.Score:0.000}");
    }
}
