namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// What every adapter on the Gemini API (generativelanguage.googleapis.com) shares: the API key, sent only to the
/// API host as <c>x-goog-api-key</c>, and the two kinds of webhook (ai.google.dev/gemini-api/docs/webhooks): a static,
/// project-level webhook signed with Standard Webhooks HMAC (<see cref="WebhookSecret"/>), and per-request ("dynamic")
/// webhooks whose <c>webhook-signature</c> is an RS256 JWT checked against Google's JWKS.
/// </summary>
public abstract class GeminiApiOptions : RemoteProviderOptions
{
    public const string DefaultWebhookJwtIssuer = "https://generativelanguage.googleapis.com/";

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

    // Result URIs point at the Files API on the API host, which redirects to Google's content hosts.
    internal override IReadOnlyList<string> DefaultResultHosts => ["generativelanguage.googleapis.com", ".googleusercontent.com", "storage.googleapis.com"];

    /// <summary>Every bad setting of a Gemini API section, each named by its path under <paramref name="section"/>.</summary>
    internal IEnumerable<string> GeminiProblems(string section)
    {
        foreach (var problem in CommonProblems(section).Concat(OptionsProblems.WebhookSecret(section, WebhookSecret)))
        {
            yield return problem;
        }

        if (UseRequestWebhooks && WebhookJwksUrl is null)
        {
            yield return $"{section}:WebhookJwksUrl is required when {section}:UseRequestWebhooks is true";
        }

        if (WebhookJwksUrl is { } jwks)
        {
            if (!jwks.IsAbsoluteUri || (jwks.Scheme != Uri.UriSchemeHttps && !(AllowLoopbackForTesting && jwks.IsLoopback)))
            {
                yield return $"{section}:WebhookJwksUrl must be an absolute https URL";
            }

            // Without an audience any token Google issued to anyone would pass.
            if (string.IsNullOrWhiteSpace(WebhookJwtAudience))
            {
                yield return $"{section}:WebhookJwtAudience is required when {section}:WebhookJwksUrl is set (the audience the webhook JWTs are issued to)";
            }

            if (string.IsNullOrWhiteSpace(WebhookJwtIssuer))
            {
                yield return $"{section}:WebhookJwtIssuer must not be empty";
            }
        }
    }
}
