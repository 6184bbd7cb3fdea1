using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoPipeline.Simulator;

/// <summary>Mints the RS256 JWTs of Gemini per-request webhooks with a published key (or, when forging, an unpublished one) and serves the JWKS.</summary>
internal sealed class WebhookJwts(SimulatorOptions options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _tokens = new();
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "simulator-" + Guid.NewGuid().ToString("N")[..8] };
    private readonly RsaSecurityKey _forgedKey = new(RSA.Create(2048)) { KeyId = "forged" };

    public string Mint(string operation, bool forged) =>
        _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.JwtIssuer,
            Audience = options.JwtAudience,
            Subject = new ClaimsIdentity([new Claim("sub", operation)]),
            IssuedAt = time.GetUtcNow().UtcDateTime,
            NotBefore = time.GetUtcNow().UtcDateTime,
            Expires = time.GetUtcNow().AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(forged ? _forgedKey : _signingKey, SecurityAlgorithms.RsaSha256),
        });

    public string Jwks() =>
        JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signingKey.Rsa.ExportParameters(false)) { KeyId = _signingKey.KeyId }) } });
}
