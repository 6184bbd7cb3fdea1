namespace VideoPipeline.Workflows.Jobs;

/// <summary>The body of the job-completion callback: the event type, the job and its outcome.</summary>
public sealed record JobCompletion(string Type, JobResult Job);
