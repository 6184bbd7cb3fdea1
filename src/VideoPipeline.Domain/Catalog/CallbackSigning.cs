namespace VideoPipeline.Domain.Catalog;

/// <summary>How a provider's callbacks prove where they come from; unsigned callbacks are only hints.</summary>
public enum CallbackSigning
{
    /// <summary>Unsigned: a hint that triggers a status read.</summary>
    None,

    /// <summary>Standard Webhooks HMAC-SHA256 over id, timestamp and body with a <c>whsec_</c> secret.</summary>
    StandardWebhooks,

    /// <summary>An RS256 JWT checked against the provider's JWKS (issuer, audience); it does not sign the body.</summary>
    JwtRs256,

    /// <summary>Ed25519 over the request id, user id, timestamp and body hash, keys from the provider's JWKS (fal.ai).</summary>
    Ed25519Jwks,
}
