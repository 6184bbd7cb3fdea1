using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Gemini;
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
    : GeminiApiProvider(http, downloader, prices, time, logger)
{
    public override string Id => ProviderIds.VeoGemini;

    protected override GeminiApiOptions GeminiOptions => options.Value;

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
        var (error, coversBody) = await GeminiWebhookSignature.VerifyAsync(callback, options.Value, requestWebhooks, Time, Id, cancellationToken);
        if (error is not null)
        {
            return CallbackVerification.Reject(error);
        }

        var id = callback.Header(StandardWebhookVerifier.IdHeader);
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

    private ProviderTaskStatus StatusOf(string taskId, JsonNode? operation)
    {
        var (state, urls, failure) = VeoOperation.Read(operation, response =>
            response.Field("generateVideoResponse").Field("generatedSamples").Items()
                .Select(s => ParseUrl(s.Field("video").Field("uri").AsText())).OfType<Uri>().ToList());
        return Observed(taskId, state, urls, failure);
    }
}
