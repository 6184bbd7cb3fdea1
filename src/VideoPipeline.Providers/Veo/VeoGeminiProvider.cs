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

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) => VeoRequest.Check(request, "Veo on the Gemini API");

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        // The Gemini API refuses seed (googleapis/python-genai google/genai/models.py, _GenerateVideosConfig_to_mldev:
        // "seed parameter is only supported in ... Agent Platform mode, not in Gemini Developer API mode"), so none is sent.
        var model = request.Model ?? options.Value.Model;
        var parameters = VeoRequest.Parameters(request);
        var body = new JsonObject { ["instances"] = new JsonArray(new JsonObject { ["prompt"] = request.Prompt }), ["parameters"] = parameters };
        if (options.Value.UseRequestWebhooks && request.CallbackUrl is { } callback)
        {
            // Per-request webhook at the request root: webhookConfig { uris: [...], userMetadata: {...} }
            // (python-genai types.py WebhookConfig; models.py sets it on the parent object, Gemini API only).
            body["webhookConfig"] = new JsonObject
            {
                ["uris"] = new JsonArray(callback.ToString()),
                ["userMetadata"] = new JsonObject { ["correlationId"] = request.CorrelationId },
            };
        }

        return await SubmitAsync(
            Api($"v1beta/models/{Uri.EscapeDataString(model)}:predictLongRunning"), body, json => json.Field("name").AsText(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        // Operation names look like models/{model}/operations/{id}; anything else is not ours to put in a URL.
        if (!VeoRequest.IsOperationName(taskId, "models/"))
        {
            throw new ProviderCallException(ProviderFailures.NotFound($"'{taskId}' is not a Gemini operation name"));
        }

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

        if (!JsonFields.TryParse(callback.Body.Span, out var json))
        {
            return CallbackVerification.Reject("callback body is not JSON");
        }

        var operation = json.Field("data") is JsonObject data ? data : json;
        var name = operation.Field("name").AsText();
        if (string.IsNullOrWhiteSpace(name))
        {
            return CallbackVerification.Reject("callback names no operation");
        }

        if (coversBody && operation.Field("done").AsBool() is not null)
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
            response.Field("generateVideoResponse").Field("generatedSamples").Items()
                .Select(s => ParseUrl(s.Field("video").Field("uri").AsText())).OfType<Uri>().ToList());
        return Observed(taskId, state, urls, failure);
    }
}
