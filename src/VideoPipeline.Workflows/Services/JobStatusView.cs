using Microsoft.DurableTask.Client;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Services;

/// <summary>A job as a host shows it: its runtime status, its progress, each shot's candidate detail, and its result once done.</summary>
public sealed record JobStatusView(string JobId, OrchestrationRuntimeStatus RuntimeStatus, JobProgress? Progress, IReadOnlyList<ShotProgress?> Shots, JobResult? Result, string? Failure);
