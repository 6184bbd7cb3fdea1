using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Jobs;

/// <summary>Whether a person approves each shot's winner, and how long the pipeline waits for them.</summary>
public sealed record ReviewRequest
{
    /// <summary>One of <see cref="ReviewModes"/>; defaults to auto.</summary>
    public string? Mode { get; init; }

    /// <summary>Human mode only: after this long without a decision the winner is auto-approved.</summary>
    public int? TimeoutMinutes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; set; }
}
