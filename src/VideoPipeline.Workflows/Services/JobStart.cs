namespace VideoPipeline.Workflows.Services;

/// <summary>What starting a job did: started it, found it already there (same key, same brief), or refused it.</summary>
public sealed record JobStart(JobStartOutcome Outcome, string? JobId, string? Message = null, decimal? EstimatedUsd = null);
