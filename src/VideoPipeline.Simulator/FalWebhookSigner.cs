using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Simulator;

/// <summary>
/// Signs fal webhooks as fal does (Ed25519 over <c>request_id \n user_id \n timestamp \n hex(sha256(body))</c>, hex in
/// <c>X-Fal-Webhook-Signature</c>) with a published key, or, when forging, with a key the JWKS does not list; serves the JWKS.
/// </summary>
internal sealed class FalWebhookSigner(TimeProvider time)
{
    /// <summary>The fal user id the simulated account's requests run under.</summary>
    public const string UserId = "simulator-fal-user";

    private readonly Ed25519PrivateKeyParameters _published = new(new SecureRandom());
    private readonly Ed25519PrivateKeyParameters _unpublished = new(new SecureRandom());

    /// <summary>The four webhook headers; without <paramref name="sign"/> the signature header is left out.</summary>
    public Dictionary<string, string> Headers(string requestId, byte[] body, bool sign, bool forged)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [FalWebhookVerifier.RequestIdHeader] = requestId,
            [FalWebhookVerifier.UserIdHeader] = UserId,
            [FalWebhookVerifier.TimestampHeader] = timestamp,
        };
        if (sign || forged)
        {
            var message = Encoding.UTF8.GetBytes($"{requestId}\n{UserId}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");
            var signer = new Ed25519Signer();
            signer.Init(forSigning: true, forged ? _unpublished : _published);
            signer.BlockUpdate(message, 0, message.Length);
            headers[FalWebhookVerifier.SignatureHeader] = Convert.ToHexStringLower(signer.GenerateSignature());
        }

        return headers;
    }

    /// <summary>The key set fal publishes at rest.alpha.fal.ai/.well-known/jwks.json: OKP / Ed25519 keys, <c>x</c> base64url.</summary>
    public string Jwks() => new JsonObject
    {
        ["keys"] = new JsonArray(new JsonObject
        {
            ["kty"] = "OKP",
            ["crv"] = "Ed25519",
            ["x"] = Base64UrlEncoder.Encode(_published.GeneratePublicKey().GetEncoded()),
            ["kid"] = "simulator-fal",
            ["use"] = "sig",
            ["alg"] = "EdDSA",
        }),
    }.ToJsonString();
}
