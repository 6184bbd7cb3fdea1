using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Jobs;

/// <summary>How candidates are routed: a named policy or an explicit provider list, not both.</summary>
public sealed record ProviderPolicyRequest
{
    /// <summary>One of <see cref="ProviderPolicies"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Provider ids from <see cref="ProviderIds"/>, used round-robin across a shot's candidates.</summary>
    public IReadOnlyList<string?>? Providers { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; set; }
}
