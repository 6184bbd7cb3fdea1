using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// Checks the signature of a Gemini API webhook (ai.google.dev/gemini-api/docs/webhooks): Standard Webhooks headers
/// (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>); a static webhook's signature is an HMAC over
/// id, timestamp and body, a per-request webhook's is an RS256 JWT from Google's JWKS that proves the sender but does
/// not sign the body. Shared by every adapter on the Gemini API so they verify alike.
/// </summary>
internal static class GeminiWebhookSignature
{
    /// <summary>Why the callback is refused (null when it passed), and whether the signature covers its body.</summary>
    public static async Task<(string? Error, bool CoversBody)> VerifyAsync(
        ProviderCallback callback, GeminiApiOptions options, JwksWebhookVerifier? requestWebhooks, TimeProvider time, string providerId, CancellationToken cancellationToken)
    {
        var id = callback.Header(StandardWebhookVerifier.IdHeader);
        var timestamp = callback.Header(StandardWebhookVerifier.TimestampHeader);
        var signature = callback.Header(StandardWebhookVerifier.SignatureHeader);
        if (signature is not null && signature.StartsWith("ey", StringComparison.Ordinal) && requestWebhooks is not null)
        {
            // Per-request webhook: the headers still must be fresh, then the JWT must come from Google's published keys.
            if (StandardWebhookVerifier.CheckHeaders(id, timestamp, signature, time, StandardWebhookVerifier.DefaultTolerance) is { } freshness)
            {
                return (freshness, false);
            }

            var (_, error) = await requestWebhooks.VerifyAsync(signature, cancellationToken);
            return (error, false);
        }

        if (!string.IsNullOrEmpty(options.WebhookSecret))
        {
            return (new StandardWebhookVerifier(options.WebhookSecret, time).Verify(id, timestamp, signature, callback.Body.Span), true);
        }

        return ($"no webhook secret or JWKS is configured for {providerId}", false);
    }
}
