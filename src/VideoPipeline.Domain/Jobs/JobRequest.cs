using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Jobs;

/// <summary>A video brief as submitted over HTTP, Service Bus or the CLI.</summary>
/// <remarks>
/// Enumerated fields (aspect ratio, resolution, review mode, provider names) are strings on the
/// wire so that one bad value is reported with its path alongside every other problem, instead of
/// aborting deserialization at the first one. <see cref="JobValidator"/> checks them.
/// </remarks>
public sealed record JobRequest
{
    /// <summary>Caller's own id; makes submission idempotent and becomes the orchestration instance id.</summary>
    public string? ClientJobId { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<ShotRequest?>? Shots { get; init; }

    /// <summary>One of <see cref="AspectRatios"/>; defaults to 16:9.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>One of <see cref="Resolutions"/>; defaults to 1080p.</summary>
    public string? Resolution { get; init; }

    /// <summary>Candidates generated per shot, <see cref="JobLimits.MinCandidatesPerShot"/> to <see cref="JobLimits.MaxCandidatesPerShot"/>.</summary>
    public int? CandidatesPerShot { get; init; }

    public ProviderPolicyRequest? ProviderPolicy { get; init; }

    /// <summary>Spending cap for the whole job; no cap when absent.</summary>
    public decimal? BudgetUsd { get; init; }

    public ReviewRequest? Review { get; init; }

    /// <summary>Where a signed completion notice is POSTed when the job ends.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Fields the contract does not know; reported as problems so typos are not silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; set; }
}
