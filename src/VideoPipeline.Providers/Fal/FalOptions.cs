using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Fal;

/// <summary>
/// Section <c>Providers:Fal</c>; the key comes from <c>Providers__Fal__ApiKey</c> (fal's <c>FAL_KEY</c>, sent as
/// <c>Authorization: Key …</c>). <c>Model</c> is a fal endpoint id, <c>owner/app[/path]</c> (e.g. <c>fal-ai/veo3.1/fast</c>).
/// </summary>
public sealed class FalOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Fal";

    /// <summary>fal's published key set for webhook signatures (fal.ai/docs/documentation/model-apis/inference/webhooks).</summary>
    public static readonly Uri DefaultWebhookJwksUrl = new("https://rest.alpha.fal.ai/.well-known/jwks.json");

    public FalOptions() => Model = "fal-ai/veo3.1/fast";

    public string? ApiKey { get; set; }

    /// <summary>Where fal's Ed25519 webhook keys are published; the docs' URL unless set (the simulator serves its own).</summary>
    public Uri WebhookJwksUrl { get; set; } = DefaultWebhookJwksUrl;

    /// <summary>
    /// The fal user id our requests run under (the <c>X-Fal-Webhook-User-Id</c> fal signs). Anyone with a fal account
    /// can have fal sign a webhook to our URL, so without it a verified webhook is only a hint (one status read with our key).
    /// </summary>
    public string? WebhookUserId { get; set; }

    /// <summary>How far a webhook's signed timestamp may be from our clock (fal's docs: five minutes).</summary>
    public TimeSpan WebhookTolerance { get; set; } = FalWebhookVerifier.DefaultTolerance;

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    internal override Uri DefaultBaseUrl => new("https://queue.fal.run/");

    // Outputs are served from fal's CDN (fal.media, v2/v3/v3b.fal.media in the model pages' examples); no key goes there.
    internal override IReadOnlyList<string> DefaultResultHosts => ["fal.media", ".fal.media"];
}
