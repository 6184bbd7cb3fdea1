using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Veo on the Gemini API: POST v1beta/models/{model}:predictLongRunning → operation name; GET
/// v1beta/{name}. Callbacks: a static webhook (Standard Webhooks HMAC) or a per-request webhook whose
/// <c>webhook-signature</c> is an RS256 JWT checked against Google's JWKS. The API cannot find an
/// operation by anything but its name, so a lost submit response ends as in doubt, never re-posted.
/// </summary>
public sealed class VeoGeminiProvider(
    HttpClient http,
    ResultDownloader downloader,
    PriceTable prices,
    TimeProvider time,
    IOptions<VeoGeminiOptions> options,
    ILogger<VeoGeminiProvider> logger,
    JwksWebhookVerifier? requestWebhooks = null)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    public const string ApiKeyHeader = "x-goog-api-key";

    public override string Id => ProviderIds.VeoGemini;

    protected override RemoteProviderOptions Options => options.Value;

    public override async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var model = request.Model ?? options.Value.Model;
        var parameters = new JsonObject
        {
            ["aspectRatio"] = request.AspectRatio,
            ["resolution"] = request.Resolution,
            ["durationSeconds"] = Math.Clamp(request.DurationSeconds, 4, 8),
            ["seed"] = request.Seed & uint.MaxValue,
        };
        if (request.NegativePrompt is { } negative)
        {
            parameters["negativePrompt"] = negative;
        }

        var body = new JsonObject { ["instances"] = new JsonArray(new JsonObject { ["prompt"] = request.Prompt }), ["parameters"] = parameters };
        if (options.Value.UseRequestWebhooks && request.CallbackUrl is { } callback)
        {
            body["webhookConfig"] = new JsonObject { ["uri"] = callback.ToString() };
        }

        return await SubmitAsync(
            Api($"v1beta/models/{Uri.EscapeDataString(model)}:predictLongRunning"), body, json => json?["name"]?.GetValue<string>(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Api($"v1beta/{taskId}"), cancellationToken);
        return StatusOf(taskId, json);
    }

    protected override async Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        var id = callback.Header(StandardWebhookVerifier.IdHeader);
        var timestamp = callback.Header(StandardWebhookVerifier.TimestampHeader);
        var signature = callback.Header(StandardWebhookVerifier.SignatureHeader);
        bool coversBody;
        if (signature is not null && signature.StartsWith("ey", StringComparison.Ordinal) && requestWebhooks is not null)
        {
            // Per-request webhook: the JWT proves Google sent it, but it does not sign the body, so
            // the body is only a hint; the headers still must be fresh.
            if (StandardWebhookVerifier.CheckHeaders(id, timestamp, signature, Time, StandardWebhookVerifier.DefaultTolerance) is { } freshness)
            {
                return CallbackVerification.Reject(freshness);
            }

            var (_, error) = await requestWebhooks.VerifyAsync(signature, cancellationToken);
            if (error is not null)
            {
                return CallbackVerification.Reject(error);
            }

            coversBody = false;
        }
        else if (!string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            var error = new StandardWebhookVerifier(options.Value.WebhookSecret, Time).Verify(id, timestamp, signature, callback.Body.Span);
            if (error is not null)
            {
                return CallbackVerification.Reject(error);
            }

            coversBody = true;
        }
        else
        {
            return CallbackVerification.Reject("no webhook secret or JWKS is configured for veo-gemini");
        }

        var json = JsonNode.Parse(callback.Body.Span);
        var operation = json?["data"] is JsonObject data ? data : json;

        var name = operation?["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return CallbackVerification.Reject("callback names no operation");
        }

        if (coversBody && operation?["done"] is not null)
        {
            var status = StatusOf(name, operation);
            return status.IsTerminal ? CallbackVerification.Trusted(status, id) : CallbackVerification.HintFor(name, id);
        }

        return CallbackVerification.HintFor(name, id);
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ApiKeyHeader, options.Value.ApiKey);
        return ValueTask.CompletedTask;
    }

    protected override void AuthorizeDownload(HttpRequestMessage request)
    {
        // Sample URIs are Files API downloads on the API host and need the key; the redirect target must not get it.
        if (IsApiHost(request.RequestUri))
        {
            request.Headers.Add(ApiKeyHeader, options.Value.ApiKey);
        }
    }

    private ProviderTaskStatus StatusOf(string taskId, JsonNode? operation)
    {
        var (state, urls, failure) = VeoOperation.Read(operation, response =>
            response?["generateVideoResponse"]?["generatedSamples"]?.AsArray()
                .Select(s => ParseUrl(s?["video"]?["uri"]?.GetValue<string>())).OfType<Uri>().ToList() ?? []);
        return Observed(taskId, state, urls, failure);
    }
}
