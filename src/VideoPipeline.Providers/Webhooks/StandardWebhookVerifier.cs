using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>
/// Standard Webhooks (standardwebhooks.com, spec/standard-webhooks.md): HMAC-SHA256 with the base64
/// secret after <c>whsec_</c> over <c>{webhook-id}.{webhook-timestamp}.{body}</c>; <c>webhook-signature</c>
/// holds space-separated <c>v1,&lt;base64&gt;</c> entries (several during key rotation); timestamps more than
/// the tolerance (5 minutes) in the past or the future are refused. Used by OpenAI (Sora) and Gemini static webhooks.
/// </summary>
public sealed class StandardWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public StandardWebhookVerifier(string secret, TimeProvider time, TimeSpan? tolerance = null)
    {
        _key = ParseSecret(secret);
        _time = time;
        _tolerance = tolerance ?? DefaultTolerance;
    }

    /// <summary>The key bytes of a <c>whsec_</c> secret (the prefix is optional); throws <see cref="FormatException"/> naming no secret material.</summary>
    public static byte[] ParseSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            var key = Convert.FromBase64String(encoded);
            return key.Length > 0 ? key : throw new FormatException("the webhook secret is empty");
        }
        catch (FormatException ex)
        {
            throw new FormatException("the webhook secret must be base64, optionally prefixed with 'whsec_'", ex);
        }
    }

    /// <summary>The <c>v1,&lt;base64&gt;</c> signature of a delivery (used by the simulator and tests to sign).</summary>
    public string Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body));

    /// <summary><see cref="Verify(string?, string?, string?, ReadOnlySpan{byte})"/> over a callback's own headers and body.</summary>
    public string? Verify(ProviderCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Verify(callback.Header(IdHeader), callback.Header(TimestampHeader), callback.Header(SignatureHeader), callback.Body.Span);
    }

    /// <summary>Null when the delivery is genuine and fresh; otherwise why it is refused (never echoing secrets or signatures).</summary>
    public string? Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (CheckHeaders(id, timestamp, signatures, _time, _tolerance) is { } problem)
        {
            return problem;
        }

        var expected = Mac(id!, timestamp!, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var entry in signatures!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !entry.AsSpan(0, comma).SequenceEqual("v1"))
            {
                continue; // other schemes (e.g. v1a asymmetric) are not ours to check
            }

            if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var written)
                && CryptographicOperations.FixedTimeEquals(candidate[..written], expected))
            {
                return null;
            }
        }

        return "no webhook-signature entry matches";
    }

    /// <summary>
    /// Null when all three headers are present and the timestamp is within <paramref name="tolerance"/> of now,
    /// either way; shared with verifiers whose signature is not an HMAC (Gemini's per-request JWTs).
    /// </summary>
    public static string? CheckHeaders(string? id, string? timestamp, string? signature, TimeProvider time, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "missing webhook-id, webhook-timestamp or webhook-signature header";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "webhook-timestamp is not a Unix time in seconds";
        }

        var skew = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) <= (long)tolerance.TotalSeconds ? null
            : skew > 0 ? "webhook-timestamp is too old" : "webhook-timestamp is too far in the future";
    }

    private byte[] Mac(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, content);
    }
}
