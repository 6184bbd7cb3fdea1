using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// Gemini Omni Flash on the Gemini API through the Interactions API (ai.google.dev/gemini-api/docs/interactions;
/// googleapis/python-genai google/genai/_gaos/interactions.py): <c>POST v1beta/interactions</c> with
/// <c>background: true</c> answers an Interaction (<c>id</c>, <c>status</c>); <c>GET v1beta/interactions/{id}</c> reads it
/// until <c>completed</c> with the video's Files API URI. The key goes only to the API host (no redirects, the
/// download authorizes only API-host hops). Errors are google.rpc.Status in an envelope, <c>{"error": {code, message,
/// status, details}}</c> (ai.google.dev/gemini-api/docs/troubleshooting; the Gemini API's convention, not confirmed for
/// interactions specifically). The API offers create, get, delete and cancel, no list or search, so a submit whose
/// answer is lost cannot be found again: it ends in doubt and is never re-posted. Callbacks are Gemini API webhooks
/// (<see cref="GeminiWebhookSignature"/>), events <c>interaction.completed</c> / <c>interaction.failed</c> /
/// <c>interaction.cancelled</c> (js-genai Webhooks.Webhook subscribed_events).
/// </summary>
/// <remarks>
/// A provider of its own rather than another model of <c>veo-gemini</c>: a different API (interactions, not
/// predictLongRunning operations), ids, states and webhook events, and the simulator, fault injection and hostile
/// suites are keyed by provider id. <c>veo-gemini</c> keeps its retired models (never routed) and what its old jobs
/// record; the Gemini API key is shared (<see cref="GeminiOmniOptions"/>).
/// </remarks>
public sealed class GeminiOmniProvider(
    HttpClient http,
    ResultDownloader downloader,
    PriceTable prices,
    TimeProvider time,
    IOptions<GeminiOmniOptions> options,
    ILogger<GeminiOmniProvider> logger,
    GeminiOmniRequestWebhooks requestWebhooks)
    : GeminiApiProvider(http, downloader, prices, time, logger)
{
    public override string Id => ProviderIds.GeminiOmni;

    protected override GeminiApiOptions GeminiOptions => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) => InteractionRequest.Check(request);

    protected override Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var body = InteractionRequest.Body(request, request.Model ?? o.Model, o.UseRequestWebhooks ? request.CallbackUrl : null);
        return SubmitAsync(Api("v1beta/interactions"), body, InteractionReader.Id, cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!InteractionReader.IsId(taskId))
        {
            throw new ProviderCallException(ProviderFailures.NotFound($"'{taskId}' is not an interaction id"));
        }

        var json = await GetJsonAsync(Api($"v1beta/interactions/{taskId}"), cancellationToken);
        return StatusOf(taskId, json);
    }

    protected override async Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        var (error, coversBody) = await GeminiWebhookSignature.VerifyAsync(callback, options.Value, requestWebhooks.Verifier, Time, Id, cancellationToken);
        if (error is not null)
        {
            return CallbackVerification.Reject(error);
        }

        var delivery = callback.Header(StandardWebhookVerifier.IdHeader);
        if (!JsonFields.TryParse(callback.Body.Span, out var json) || json is not JsonObject)
        {
            return CallbackVerification.Reject("callback body is not a JSON object");
        }

        // The event's payload shape is not documented where we could read it: the interaction under "data" (as the
        // Gemini API's video.generated events carry their operation), or at the root.
        var interaction = json.Field("data") is JsonObject data ? data : json;
        if (InteractionReader.Id(interaction) is not { } id)
        {
            return CallbackVerification.Reject("callback names no interaction");
        }

        // Only a signed body may decide; and a thin "completed" event without the video is news, not the result.
        if (coversBody && interaction.Field("status").AsText() is not null)
        {
            var status = StatusOf(id, interaction);
            if (status.IsTerminal && status.Failure?.ProviderCode != InteractionReader.NoVideo)
            {
                return CallbackVerification.Trusted(status, delivery);
            }
        }

        return CallbackVerification.HintFor(id, delivery);
    }

    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var error = body.Field("error");
        var rpcStatus = error.Field("status").AsText();
        var message = $"{Id}: {error.Field("message").AsText() ?? $"HTTP {(int)status}"}";
        var reasons = error.Field("details").Items().Select(d => d.Field("reason").AsText()?.ToUpperInvariant()).OfType<string>();
        if (reasons.FirstOrDefault(r => r is "SAFETY" or "PROHIBITED_CONTENT" or "BLOCKLIST" or "SPII" or "IMAGE_SAFETY") is { } blocked)
        {
            return ProviderFailures.Moderated(message, blocked);
        }

        // 400 INVALID_ARGUMENT / FAILED_PRECONDITION: refused as sent; 404 NOT_FOUND on create: the model (the base class
        // makes it model_unavailable); 429 RESOURCE_EXHAUSTED: rate limited, the pipeline honours Retry-After.
        return FailureForStatus(status, message, rpcStatus ?? $"http_{(int)status}");
    }

    private ProviderTaskStatus StatusOf(string taskId, JsonNode? interaction)
    {
        var (state, urls, failure) = InteractionReader.Read(interaction);
        return Observed(taskId, state, urls, failure);
    }
}
