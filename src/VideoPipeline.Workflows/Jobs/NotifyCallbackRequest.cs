namespace VideoPipeline.Workflows.Jobs;

/// <summary>The callback to send: the job id doubles as the delivery's stable message id, so receivers can drop repeats.</summary>
public sealed record NotifyCallbackRequest(Uri Url, string MessageId, JobResult Result);
