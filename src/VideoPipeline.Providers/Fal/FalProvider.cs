using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Fal;

/// <summary>
/// fal.ai's queue API (fal.ai/docs/documentation/model-apis/inference/queue): <c>POST https://queue.fal.run/{endpoint}</c>
/// with the model's input as the body and <c>?fal_webhook=</c> for the callback → <c>{request_id, status_url,
/// response_url, cancel_url}</c>; <c>GET /{owner}/{app}/requests/{id}/status</c> → <c>IN_QUEUE</c> | <c>IN_PROGRESS</c> |
/// <c>COMPLETED</c>; <c>GET /{owner}/{app}/requests/{id}</c> → the model's output (<c>video.url</c> on fal's CDN) or its
/// error. Webhooks post <c>{request_id, status: OK | ERROR, payload, error}</c>, Ed25519 signed (<see cref="FalWebhookVerifier"/>).
/// A request can be found only by its id, so a lost submit response ends in doubt and is never re-posted.
/// <para>
/// The task id is fal's request id, the value fal signs in webhooks, so a verified webhook names exactly the task the
/// registry holds. Reads need the request's app as well (<c>owner/app</c>), which the id does not carry: they ask the
/// configured model's app first, then the apps of the other fal models in the catalogue (a 404 moves to the next).
/// Not confirmed: that the queue answers 404 for a request id asked under another app (the simulator does).
/// </para>
/// </summary>
public sealed partial class FalProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<FalOptions> options, FalWebhookVerifier webhooks, ILogger<FalProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>fal's error type for input or output a content checker flagged (fal.ai/docs/documentation/model-apis/errors).</summary>
    public const string ContentPolicyViolation = "content_policy_violation";

    public override string Id => ProviderIds.Fal;

    protected override RemoteProviderOptions Options => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request)
    {
        var model = request.Model ?? options.Value.Model;
        return !FalModels.TryParse(model, out var app) ? ProviderFailures.Unsupported($"fal model '{model}' is not an endpoint id (owner/app[/path])")
            : FalModels.InputOf(app) is null ? ProviderFailures.Unsupported($"fal model '{model}': this adapter knows the inputs of fal-ai/veo3.1 and fal-ai/kling-video only")
            : null;
    }

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var model = request.Model ?? options.Value.Model;
        FalModels.TryParse(model, out var app); // CheckRequest passed
        var seconds = ModelCatalog.Find(Id, model)?.Can.DurationsAt(request.Resolution).OutputFor(request.DurationSeconds) ?? request.DurationSeconds;
        var input = new JsonObject { ["prompt"] = request.Prompt, ["aspect_ratio"] = request.AspectRatio };
        if (FalModels.InputOf(app) == FalInput.Veo)
        {
            // fal.ai/models/fal-ai/veo3.1, "API" tab: duration is "4s" | "6s" | "8s", resolution "720p" | "1080p",
            // generate_audio, negative_prompt, seed (an integer; its range is not confirmed, so it is kept to 31 bits).
            input["duration"] = $"{seconds}s";
            input["resolution"] = request.Resolution;
            input["generate_audio"] = true;
            input["seed"] = request.Seed & int.MaxValue;
        }
        else
        {
            // fal.ai/models/fal-ai/kling-video/v2.1/master/text-to-video, "API" tab: duration "5" | "10"; no resolution, no seed.
            input["duration"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (request.NegativePrompt is { } negative)
        {
            input["negative_prompt"] = negative;
        }

        // fal.ai/docs/documentation/model-apis/inference/webhooks: the callback is the fal_webhook query parameter.
        var url = request.CallbackUrl is { } callback ? Api($"{model}?fal_webhook={Uri.EscapeDataString(callback.ToString())}") : Api(model);
        return await SubmitAsync(url, input, json => json.Field("request_id").AsText() is { } id && FalModels.IsRequestId(id) ? id : null, cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!FalModels.IsRequestId(taskId))
        {
            throw new ProviderCallException(ProviderFailures.NotFound("that is not a fal request id"));
        }

        var apps = Apps();
        for (var i = 0; ; i++)
        {
            JsonNode? status;
            try
            {
                status = await GetJsonAsync(Api($"{apps[i]}/requests/{taskId}/status"), cancellationToken);
            }
            catch (ProviderCallException ex) when (ex.Failure.Is(ProviderFailureCodes.NotFound) && i < apps.Count - 1)
            {
                continue; // not a request of this app: ask the next one
            }

            return await StatusOfAsync(apps[i], taskId, status, cancellationToken);
        }
    }

    protected override async Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        if (!JsonFields.TryParse(callback.Body.Span, out var body) || body is not JsonObject)
        {
            return CallbackVerification.Reject("fal webhook body is not a JSON object");
        }

        var headerId = callback.Header(FalWebhookVerifier.RequestIdHeader);
        var bodyId = body.Field("request_id").AsText();
        if (headerId is not null && bodyId is not null && !string.Equals(headerId, bodyId, StringComparison.Ordinal))
        {
            return CallbackVerification.Reject("the webhook's header and body name different requests");
        }

        var taskId = headerId ?? bodyId;
        if (!FalModels.IsRequestId(taskId))
        {
            return CallbackVerification.Reject("fal webhook names no request id");
        }

        var userId = callback.Header(FalWebhookVerifier.UserIdHeader);
        var unverified = await webhooks.VerifyAsync(
            headerId, userId, callback.Header(FalWebhookVerifier.TimestampHeader), callback.Header(FalWebhookVerifier.SignatureHeader), callback.Body, cancellationToken);
        if (unverified is not null)
        {
            // Unsigned or not fal's signature: worth one status read of our own request, never believed.
            LogWebhookHint(Logger, unverified);
            return CallbackVerification.HintFor(taskId!);
        }

        if (options.Value.WebhookUserId is not { Length: > 0 } expected)
        {
            LogWebhookHint(Logger, $"{FalOptions.SectionName}:WebhookUserId is not set, so a signed webhook could be another fal account's");
            return CallbackVerification.HintFor(taskId!);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(userId!), Encoding.UTF8.GetBytes(expected)))
        {
            return CallbackVerification.Reject("the webhook is signed for another fal account");
        }

        return WebhookStatus(taskId!, body) is { } status
            ? CallbackVerification.Trusted(status, $"{taskId}:{body.Field("status").AsText()}")
            : CallbackVerification.HintFor(taskId!); // signed, but its payload could not be serialised (payload_error): read it
    }

    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        // Model errors: {"detail": [{loc, msg, type, url, ctx?, input?}]} (fal.ai/docs/documentation/model-apis/errors);
        // request errors: {"detail": "text", "error_type": "request_timeout" | …} (…/model-apis/request-errors).
        var first = body.Field("detail").Item(0);
        var policy = body.Field("detail").Items().FirstOrDefault(d => d.Field("type").AsText() == ContentPolicyViolation);
        var type = (policy ?? first).Field("type").AsText() ?? body.Field("error_type").AsText();
        var message = $"fal: {(policy ?? first).Field("msg").AsText() ?? body.Field("detail").AsText() ?? $"HTTP {(int)status}"}";
        var code = type ?? $"http_{(int)status}";
        return policy is not null ? ProviderFailures.Moderated(message, ContentPolicyViolation)
            : status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest ? ProviderFailures.Rejected(message, code)
            : FailureForStatus(status, message, code); // 404 on a submit becomes model_unavailable in the base class
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // fal.ai/docs/documentation/model-apis/authentication: "Authorization: Key $FAL_KEY".
        request.Headers.Authorization = new AuthenticationHeaderValue("Key", options.Value.ApiKey);
        return ValueTask.CompletedTask;
    }

    /// <summary>The apps a request may belong to: the configured model's first, then the catalogue's other fal apps.</summary>
    private List<string> Apps()
    {
        var apps = new List<string>();
        foreach (var model in ModelCatalog.Of(Id).Select(e => e.Model).Prepend(options.Value.Model))
        {
            if (FalModels.TryParse(model, out var app) && !apps.Contains(app))
            {
                apps.Add(app);
            }
        }

        return apps;
    }

    private async Task<ProviderTaskStatus> StatusOfAsync(string app, string taskId, JsonNode? status, CancellationToken cancellationToken)
    {
        switch (status.Field("status").AsText())
        {
            case "IN_QUEUE":
                return Observed(taskId, ProviderTaskState.Queued);
            case "IN_PROGRESS":
                return Observed(taskId, ProviderTaskState.Running);
            case "COMPLETED":
                break;
            case var other:
                throw new ProviderCallException(ProviderFailures.Malformed($"fal request status '{other ?? "(none)"}' is unknown"));
        }

        // A failed request's status carries error and error_type (fal.ai/docs/documentation/serverless/reliability/retries,
        // "the response includes an error_type field"); not confirmed for every model, so the result read decides otherwise.
        if (status.Field("error").AsText() is { Length: > 0 } error)
        {
            var type = status.Field("error_type").AsText();
            return Observed(taskId, ProviderTaskState.Failed, failure: type == ContentPolicyViolation
                ? ProviderFailures.Moderated($"fal: {error}", type)
                : ProviderFailures.TaskFailed($"fal: {error}", type));
        }

        JsonNode? result;
        try
        {
            result = await GetJsonAsync(Api($"{app}/requests/{taskId}"), cancellationToken);
        }
        catch (ProviderCallException ex) when (ex.Failure.Is(ProviderFailureCodes.Moderated))
        {
            return Observed(taskId, ProviderTaskState.Failed, failure: ex.Failure);
        }
        catch (ProviderCallException ex) when (ex.Failure.Is(ProviderFailureCodes.Rejected))
        {
            // The completed request's answer is the model's refusal of its input: the task failed, for good.
            return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.TaskFailed(ex.Failure.Message, ex.Failure.ProviderCode));
        }

        return VideoOf(result) is { } video
            ? Observed(taskId, ProviderTaskState.Succeeded, [video])
            : throw new ProviderCallException(ProviderFailures.Malformed($"fal request {taskId} completed without a readable video.url"));
    }

    /// <summary>The status a signed webhook states, or null when it carries no readable outcome.</summary>
    private ProviderTaskStatus? WebhookStatus(string taskId, JsonNode body)
    {
        var payload = body.Field("payload");
        switch (body.Field("status").AsText())
        {
            case "OK":
                return VideoOf(payload) is { } video ? Observed(taskId, ProviderTaskState.Succeeded, [video]) : null;
            case "ERROR":
                // {"status": "ERROR", "error": "Invalid status code: 422", "payload": {"detail": [...]}} (webhooks page).
                var failure = MapError(HttpStatusCode.UnprocessableEntity, payload);
                return Observed(taskId, ProviderTaskState.Failed, failure: failure.Is(ProviderFailureCodes.Moderated)
                    ? failure
                    : ProviderFailures.TaskFailed($"fal: {body.Field("error").AsText() ?? failure.Message}", failure.ProviderCode));
            default:
                return null;
        }
    }

    // Video models answer {"video": {"url", "content_type", "file_name", "file_size"}} (the models' "API" tabs).
    private static Uri? VideoOf(JsonNode? output) => ParseUrl(output.Field("video").Field("url").AsText());

    [LoggerMessage(Level = LogLevel.Information, Message = "fal webhook taken as a hint (one status read): {Reason}")]
    private static partial void LogWebhookHint(ILogger logger, string reason);
}
