using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>
/// Gemini per-request ("dynamic") webhooks: the Standard Webhooks headers, but <c>webhook-signature</c>
/// holds an RS256 JWT signed by Google, checked against Google's JWKS (keys fetched and cached by
/// <see cref="JwksCache"/>). Only RS256 is accepted, so a token cannot choose a weaker algorithm.
/// </summary>
public sealed class JwksWebhookVerifier(JwksCache keys, TimeProvider time, string? issuer, string? audience)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>The token's claims when valid; otherwise why it is refused.</summary>
    public async Task<(JsonWebToken? Token, string? Error)> VerifyAsync(string? jwt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(jwt) || !Handler.CanReadToken(jwt))
        {
            return (null, "webhook-signature is not a JWT");
        }

        var set = await keys.GetAsync(refresh: false, cancellationToken);
        var result = await ValidateAsync(jwt, set);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Google rotated its keys since we cached them: fetch once more, then decide.
            set = await keys.GetAsync(refresh: true, cancellationToken);
            result = await ValidateAsync(jwt, set);
        }

        return result.IsValid ? ((JsonWebToken)result.SecurityToken, null) : (null, $"JWT refused: {result.Exception?.GetType().Name ?? "invalid"}");
    }

    private Task<TokenValidationResult> ValidateAsync(string jwt, JsonWebKeySet set) =>
        Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = issuer is not null,
            ValidIssuer = issuer,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                    && expires is not null && now <= expires.Value + parameters.ClockSkew;
            },
        });
}
