using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>
/// Gemini per-request ("dynamic") webhooks: the Standard Webhooks headers, but <c>webhook-signature</c>
/// holds an RS256 JWT signed by Google, checked against Google's JWKS (keys fetched and cached by
/// <see cref="JwksCache"/>). Only RS256 is accepted, so a token cannot choose a weaker algorithm; issuer and
/// audience are always checked. A JWKS that cannot be had makes the verdict a refusal with the reason, never an exception.
/// </summary>
public sealed class JwksWebhookVerifier
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private readonly JwksCache _keys;
    private readonly TimeProvider _time;
    private readonly string _issuer;
    private readonly string _audience;

    public JwksWebhookVerifier(JwksCache keys, TimeProvider time, string issuer, string audience)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        _keys = keys;
        _time = time;
        _issuer = issuer;
        _audience = audience;
    }

    /// <summary>The token's claims when valid; otherwise why it is refused.</summary>
    public async Task<(JsonWebToken? Token, string? Error)> VerifyAsync(string? jwt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(jwt) || !Handler.CanReadToken(jwt))
        {
            return (null, "webhook-signature is not a JWT");
        }

        var (set, unavailable) = await _keys.GetAsync(refresh: false, cancellationToken);
        if (set is null)
        {
            return (null, unavailable);
        }

        var result = await ValidateAsync(jwt, set);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Google may have rotated its keys since we cached them: fetch once more (rate limited), then decide.
            (set, unavailable) = await _keys.GetAsync(refresh: true, cancellationToken);
            if (set is null)
            {
                return (null, unavailable);
            }

            result = await ValidateAsync(jwt, set);
        }

        return result.IsValid ? ((JsonWebToken)result.SecurityToken, null) : (null, $"JWT refused: {result.Exception?.GetType().Name ?? "invalid"}");
    }

    private Task<TokenValidationResult> ValidateAsync(string jwt, JsonWebKeySet set) =>
        Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidIssuer = _issuer,
            ValidateAudience = true,
            ValidAudience = _audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = _time.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                    && expires is not null && now <= expires.Value + parameters.ClockSkew;
            },
        });
}
