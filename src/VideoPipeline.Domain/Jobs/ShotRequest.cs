using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Jobs;

/// <summary>One shot of a brief: what to generate and for how long.</summary>
public sealed record ShotRequest
{
    public string? Prompt { get; init; }

    public string? NegativePrompt { get; init; }

    public int? DurationSeconds { get; init; }

    /// <summary>Optional https image the provider animates (image-to-video).</summary>
    public string? ReferenceImageUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; set; }
}
