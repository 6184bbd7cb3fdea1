using VideoPipeline.Providers.Gemini;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Section <c>Providers:VeoGemini</c>. <c>ApiKey</c> (x-goog-api-key), <c>WebhookSecret</c> (the
/// <c>whsec_</c> signing secret of a static webhook) and the JWKS settings of per-request webhooks
/// (<see cref="GeminiApiOptions"/>). Every Veo model on the Gemini API is retired; its <c>ApiKey</c> is also the
/// key Gemini Omni uses when <c>Providers:GeminiOmni:ApiKey</c> is not set.
/// </summary>
public sealed class VeoGeminiOptions : GeminiApiOptions
{
    public const string SectionName = "Providers:VeoGemini";

    public VeoGeminiOptions() => Model = "veo-3.0-generate-001";
}
