namespace VideoPipeline.Domain.Jobs;

/// <summary>Provider ids as they appear in briefs, configuration, webhook routes and blob metadata.</summary>
public static class ProviderIds
{
    public const string VeoGemini = "veo-gemini";
    public const string VeoVertex = "veo-vertex";
    public const string Runway = "runway";
    public const string Kling = "kling";

    /// <summary>Gemini Omni Flash on the Gemini API (Interactions API), the successor there of the retired Veo previews.</summary>
    public const string GeminiOmni = "gemini-omni";

    /// <summary>OpenAI shut the Sora video API down on 2026-09-24: accepted only when named explicitly.</summary>
    public const string Sora = "sora";

    /// <summary>Replicate's predictions API, for the official video models it hosts (billed per output second).</summary>
    public const string Replicate = "replicate";

    /// <summary>xAI's video API (Grok Imagine), polled.</summary>
    public const string Xai = "xai";

    /// <summary>fal.ai's queue API, for the video models it hosts (Veo 3.1, Kling); webhooks signed with Ed25519.</summary>
    public const string Fal = "fal";

    /// <summary>Renders with ffmpeg on this machine: no key, no network, no cost.</summary>
    public const string Local = "local";

    public static IReadOnlyList<string> All { get; } = [VeoGemini, GeminiOmni, VeoVertex, Runway, Kling, Sora, Replicate, Xai, Fal, Local];

    public static IReadOnlyList<string> Retired { get; } = [Sora];
}
