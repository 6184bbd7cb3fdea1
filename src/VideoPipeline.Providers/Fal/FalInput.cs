namespace VideoPipeline.Providers.Fal;

/// <summary>The input schemas of the fal model families routed here.</summary>
internal enum FalInput
{
    /// <summary>fal-ai/veo3.1 and its sub-paths: duration "4s" | "6s" | "8s", resolution, generate_audio.</summary>
    Veo,

    /// <summary>fal-ai/kling-video/…: duration "5" | "10", no resolution.</summary>
    Kling,
}
