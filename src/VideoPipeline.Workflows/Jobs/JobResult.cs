namespace VideoPipeline.Workflows.Jobs;

/// <summary>How a job ended: the manifest's blob, the shots that succeeded and those that did not, and the totals.</summary>
public sealed record JobResult(
    string JobId,
    bool Succeeded,
    string? ManifestBlobName,
    IReadOnlyList<ShotSummary> Shots,
    int GeneratedSeconds,
    decimal CostUsd,
    string? Refusal = null,
    string? CallbackFailure = null)
{
    public IEnumerable<int> FailedShots => Shots.Where(s => s.Winner is null).Select(s => s.ShotIndex);
}
