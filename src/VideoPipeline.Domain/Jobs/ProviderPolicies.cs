namespace VideoPipeline.Domain.Jobs;

/// <summary>Named routing policies a brief may ask for.</summary>
public static class ProviderPolicies
{
    /// <summary>Spread candidates over the configured providers, weighing price against quality.</summary>
    public const string Balanced = "balanced";

    /// <summary>Prefer the lowest price per second.</summary>
    public const string Cheapest = "cheapest";

    /// <summary>Prefer the providers that score best.</summary>
    public const string Quality = "quality";

    /// <summary>Only the local ffmpeg renderer: runs anywhere, costs nothing.</summary>
    public const string Local = "local";

    public const string Default = Balanced;

    public static IReadOnlyList<string> All { get; } = [Balanced, Cheapest, Quality, Local];
}
