using VideoPipeline.Media;

namespace VideoPipeline.Simulator;

/// <summary>How the simulator listens and renders; per-provider behaviour is in <see cref="ProviderSimulator.Behavior"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback port; 0 lets the OS pick a free one.</summary>
    public int Port { get; set; }

    /// <summary>Seeds the outcome and latency draws so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Clips are rendered this many pixels on the short side (small is fast; the aspect ratio is kept).</summary>
    public int RenderShortSide { get; set; } = 180;

    public int RenderFramesPerSecond { get; set; } = 12;

    /// <summary>Signing secret for Standard Webhooks callbacks (Sora, Gemini static webhooks).</summary>
    public string WebhookSecret { get; set; } = "whsec_" + Convert.ToBase64String("videopipeline-simulator-secret!!"u8.ToArray());

    /// <summary>Issuer of the simulated Gemini per-request webhook JWTs.</summary>
    public string JwtIssuer { get; set; } = "https://generativelanguage.googleapis.com/";

    /// <summary>Audience of the simulated Gemini per-request webhook JWTs.</summary>
    public string JwtAudience { get; set; } = "videopipeline-simulator";

    public FfmpegOptions Ffmpeg { get; set; } = new();

    /// <summary>Where rendered clips go; empty means a fresh temp folder removed on dispose.</summary>
    public string? OutputDirectory { get; set; }
}
