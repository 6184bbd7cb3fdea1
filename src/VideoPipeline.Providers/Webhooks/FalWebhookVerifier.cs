using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>
/// fal.ai webhook signatures (fal.ai/docs/documentation/model-apis/inference/webhooks, "Verifying your webhook"):
/// the headers <c>X-Fal-Webhook-Request-Id</c>, <c>-User-Id</c>, <c>-Timestamp</c> (Unix seconds) and <c>-Signature</c>
/// (hex); the signed message is <c>request_id \n user_id \n timestamp \n hex(sha256(body))</c> in UTF-8, Ed25519,
/// checked against every Ed25519 key in fal's JWKS (<c>kty</c> OKP, <c>crv</c> Ed25519, <c>x</c> base64url). The
/// docs' examples try each key (the headers name none), reject a timestamp more than five minutes off, and cache the
/// keys up to 24 hours. Keys come from <see cref="JwksCache"/>: a signature no key matches may force one refresh, rate
/// limited, so forged requests cannot make us download again and again; an unreachable key set is a reason, not an exception.
/// </summary>
public sealed class FalWebhookVerifier(JwksCache keys, TimeProvider time, TimeSpan tolerance)
{
    public const string RequestIdHeader = "X-Fal-Webhook-Request-Id";
    public const string UserIdHeader = "X-Fal-Webhook-User-Id";
    public const string TimestampHeader = "X-Fal-Webhook-Timestamp";
    public const string SignatureHeader = "X-Fal-Webhook-Signature";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long fal's keys are kept before they are fetched again (the docs cache them up to 24 hours).</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    private const int MaxHeaderLength = 256;
    private const int SignatureBytes = 64;

    /// <summary>Downloads of the key set so far (diagnostics and tests).</summary>
    public int KeyDownloads => keys.Downloads;

    /// <summary>Null when the delivery is signed by fal; otherwise why not.</summary>
    public async Task<string?> VerifyAsync(
        string? requestId, string? userId, string? timestamp, string? signature, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(requestId) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "the X-Fal-Webhook-Request-Id, -User-Id, -Timestamp and -Signature headers are not all present";
        }

        if (requestId.Length > MaxHeaderLength || userId.Length > MaxHeaderLength || requestId.Contains('\n') || userId.Contains('\n'))
        {
            return "the webhook's request or user id header is not one fal sends";
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "X-Fal-Webhook-Timestamp is not Unix seconds";
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > tolerance)
        {
            return $"the webhook's timestamp is {skew.TotalSeconds:0} s off our clock, more than the {tolerance.TotalSeconds:0} s allowed (a replay or a skewed clock)";
        }

        if (signature.Length != SignatureBytes * 2 || !signature.All(char.IsAsciiHexDigit))
        {
            return "X-Fal-Webhook-Signature is not a hex Ed25519 signature";
        }

        var signatureBytes = Convert.FromHexString(signature);
        var message = Encoding.UTF8.GetBytes($"{requestId}\n{userId}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(body.Span))}");

        var (set, unavailable) = await keys.GetAsync(refresh: false, cancellationToken);
        if (set is not null && SignedByAny(set, signatureBytes, message))
        {
            return null;
        }

        // fal may have rotated its keys since we fetched them: one more download (rate limited by the cache), then decide.
        (set, unavailable) = await keys.GetAsync(refresh: true, cancellationToken);
        return set is null ? unavailable
            : SignedByAny(set, signatureBytes, message) ? null
            : "the signature matches none of fal's published keys";
    }

    private static bool SignedByAny(JsonWebKeySet set, byte[] signature, byte[] message)
    {
        foreach (var key in set.Keys)
        {
            if (key.Kty == "OKP" && key.Crv == "Ed25519" && PublicKey(key.X) is { } publicKey && Verify(publicKey, signature, message))
            {
                return true;
            }
        }

        return false;
    }

    private static Ed25519PublicKeyParameters? PublicKey(string? x)
    {
        try
        {
            return x is null || Base64UrlEncoder.DecodeBytes(x) is not { Length: 32 } raw ? null : new Ed25519PublicKeyParameters(raw);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null; // a key that is not a key verifies nothing
        }
    }

    private static bool Verify(Ed25519PublicKeyParameters key, byte[] signature, byte[] message)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, key);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }
}
