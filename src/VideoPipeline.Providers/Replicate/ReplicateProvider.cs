using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Replicate;

/// <summary>
/// Replicate's predictions API (replicate.com/docs/reference/http): <c>POST /v1/models/{owner}/{name}/predictions</c>
/// with <c>{input, webhook, webhook_events_filter: ["completed"]}</c> → a prediction; <c>GET /v1/predictions/{id}</c>.
/// Status <c>starting</c> → <c>processing</c> → <c>succeeded</c> | <c>failed</c> | <c>canceled</c>; <c>output</c> is the
/// video's URL (or a list of them). Webhooks post the prediction object, Standard Webhooks signed with the account's
/// secret (replicate.com/docs/topics/webhooks/verify-webhook), so a verified one is authoritative. A prediction can
/// only be found by its id, so a lost submit response ends in doubt and is never re-posted.
/// </summary>
public sealed partial class ReplicateProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<ReplicateOptions> options, ILogger<ReplicateProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>Replicate's error code for an input or output its safety checker flagged ("… flagged as sensitive … (E005)").</summary>
    public const string SensitiveContentCode = "E005";

    public override string Id => ProviderIds.Replicate;

    protected override RemoteProviderOptions Options => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) =>
        ModelName().IsMatch(request.Model ?? options.Value.Model) ? null
        : ProviderFailures.Unsupported($"replicate model '{request.Model ?? options.Value.Model}' is not owner/name");

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var model = request.Model ?? options.Value.Model;

        // The input names of Google's Veo 3.1 models as Replicate publishes them (replicate.com/google/veo-3.1-fast,
        // "API" tab): prompt, duration (4/6/8), aspect_ratio, resolution, generate_audio, image, negative_prompt, seed.
        // Other models take other inputs; only the catalogue's Replicate models are routed here. Not confirmed: seed's range.
        var entry = ModelCatalog.Find(Id, model);
        var input = new JsonObject
        {
            ["prompt"] = request.Prompt,
            ["duration"] = entry?.Can.DurationsAt(request.Resolution).OutputFor(request.DurationSeconds) ?? request.DurationSeconds,
            ["aspect_ratio"] = request.AspectRatio,
            ["resolution"] = request.Resolution,
            ["generate_audio"] = entry?.Can.Audio ?? false,
            ["seed"] = request.Seed & int.MaxValue,
        };
        if (request.NegativePrompt is { } negative)
        {
            input["negative_prompt"] = negative;
        }

        if (request.ReferenceImageUrl is { } image)
        {
            input["image"] = image.ToString();
        }

        var body = new JsonObject { ["input"] = input };
        if (request.CallbackUrl is { } callback)
        {
            // "completed" is sent once the prediction is terminal; "start" may arrive too (replicate.com/changelog/
            // 2023-02-10-improved-webhook-events-and-event-filtering says start and completed are always sent).
            body["webhook"] = callback.ToString();
            body["webhook_events_filter"] = new JsonArray("completed");
        }

        return await SubmitAsync(Api($"v1/models/{model}/predictions"), body, json => json.Field("id").AsText(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken) =>
        StatusOf(taskId, await GetJsonAsync(Api($"v1/predictions/{Uri.EscapeDataString(taskId)}"), cancellationToken));

    protected override Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            return Task.FromResult(CallbackVerification.Reject("no webhook secret is configured for replicate"));
        }

        var id = callback.Header(StandardWebhookVerifier.IdHeader);
        var error = new StandardWebhookVerifier(options.Value.WebhookSecret, Time).Verify(callback);
        if (error is not null)
        {
            return Task.FromResult(CallbackVerification.Reject(error));
        }

        // The signed body is the prediction itself, in the shape a status read returns.
        if (!JsonFields.TryParse(callback.Body.Span, out var prediction))
        {
            return Task.FromResult(CallbackVerification.Reject("webhook body is not JSON"));
        }

        var predictionId = prediction.Field("id").AsText();
        return Task.FromResult(string.IsNullOrEmpty(predictionId)
            ? CallbackVerification.Reject("webhook names no prediction")
            : CallbackVerification.Trusted(StatusOf(predictionId, prediction), id));
    }

    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        // Errors are problem details: {"title", "detail", "status"} (422 adds "invalid_fields").
        var detail = body.Field("detail").AsText() ?? body.Field("title").AsText() ?? $"HTTP {(int)status}";
        var code = $"http_{(int)status}";
        return status switch
        {
            // On a submit the path names the model: a 404 is an unknown, removed or not-offered model. Re-route the slot.
            // (A 404 of a status read is answered the same way; the candidate's task is gone either way.)
            HttpStatusCode.NotFound => ProviderFailures.ModelUnavailable($"replicate: {detail}", code),
            HttpStatusCode.UnprocessableEntity => ProviderFailures.Rejected($"replicate refused the input: {detail}", code),
            // Not confirmed: Replicate answers 402 when the account has no credit.
            HttpStatusCode.PaymentRequired => ProviderFailures.AccountBlocked($"replicate: {detail}", code),
            _ => FailureForStatus(status, $"replicate: {detail}", code),
        };
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiToken);
        return ValueTask.CompletedTask;
    }

    private ProviderTaskStatus StatusOf(string taskId, JsonNode? prediction)
    {
        var status = prediction.Field("status").AsText();
        switch (status)
        {
            case "starting":
                return Observed(taskId, ProviderTaskState.Queued);
            case "processing":
                return Observed(taskId, ProviderTaskState.Running);
            case "succeeded":
                var output = prediction.Field("output");
                List<Uri> urls = output is JsonArray
                    ? [.. output.Items().Select(n => ParseUrl(n.AsText())).OfType<Uri>()]
                    : ParseUrl(output.AsText()) is { } one ? [one] : [];
                return urls.Count > 0
                    ? Observed(taskId, ProviderTaskState.Succeeded, urls)
                    : throw new ProviderCallException(ProviderFailures.Malformed($"replicate prediction {taskId} succeeded without a readable output URL"));
            case "failed":
                return Observed(taskId, ProviderTaskState.Failed, failure: FailureOf(prediction.Field("error").AsText()));
            case "canceled" or "aborted":
                return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.Cancelled($"the prediction was {status}", status));
            default:
                throw new ProviderCallException(ProviderFailures.Malformed($"replicate prediction status '{status ?? "(none)"}' is unknown"));
        }
    }

    /// <summary>A failed prediction's error is free text; Replicate's own code, when present, ends it in parentheses.</summary>
    internal static ProviderFailure FailureOf(string? error)
    {
        var reason = string.IsNullOrWhiteSpace(error) ? "the prediction failed" : error;
        var code = ErrorCode().Match(reason) is { Success: true } match ? match.Groups[1].Value : null;
        return code == SensitiveContentCode
            ? ProviderFailures.Moderated($"replicate: {reason}", code)
            : ProviderFailures.TaskFailed($"replicate: {reason}", code);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelName();

    [GeneratedRegex(@"\((E\d{3,4})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
