namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Section <c>Providers:VeoGemini</c>. <c>ApiKey</c> (x-goog-api-key), <c>WebhookSecret</c> (the
/// <c>whsec_</c> signing secret of a static webhook) and the JWKS settings of per-request webhooks.
/// </summary>
public sealed class VeoGeminiOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:VeoGemini";

    public const string DefaultWebhookJwtIssuer = "https://generativelanguage.googleapis.com/";

    public VeoGeminiOptions() => Model = "veo-3.0-generate-001";

    public string? ApiKey { get; set; }

    /// <summary>Signing secret of the project's static webhook (Standard Webhooks); empty when none is registered.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Ask for a per-request webhook (signed with an RS256 JWT) when a callback URL is given.</summary>
    public bool UseRequestWebhooks { get; set; }

    /// <summary>Where Google publishes the keys of per-request webhook JWTs.</summary>
    public Uri? WebhookJwksUrl { get; set; }

    /// <summary>
    /// The <c>iss</c> per-request webhook JWTs must carry. Google's docs do not state it (not confirmed): the default
    /// is the API's origin, override it with what the deployment's tokens carry.
    /// </summary>
    public string WebhookJwtIssuer { get; set; } = DefaultWebhookJwtIssuer;

    /// <summary>The <c>aud</c> per-request webhook JWTs must carry; required with <see cref="WebhookJwksUrl"/>.</summary>
    public string? WebhookJwtAudience { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    internal override Uri DefaultBaseUrl => new("https://generativelanguage.googleapis.com/");

    // Sample URIs point at the Files API on the API host, which redirects to Google's content hosts.
    internal override IReadOnlyList<string> DefaultResultHosts => ["generativelanguage.googleapis.com", ".googleusercontent.com", "storage.googleapis.com"];
}
