using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// The verifier of Gemini Omni's per-request webhook JWTs, one per process (its <see cref="JwksCache"/> and refresh floor
/// are shared by every adapter instance); <see cref="Verifier"/> is null unless <c>Providers:GeminiOmni:WebhookJwksUrl</c> is set.
/// </summary>
public sealed class GeminiOmniRequestWebhooks(JwksWebhookVerifier? verifier)
{
    public JwksWebhookVerifier? Verifier { get; } = verifier;
}
