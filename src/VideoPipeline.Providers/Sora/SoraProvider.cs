using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Sora;

/// <summary>
/// OpenAI Sora 2 (retired 2026-09-24): POST /v1/videos; GET /v1/videos/{id}; GET /v1/videos/{id}/content.
/// Project webhooks <c>video.completed</c>/<c>video.failed</c> are Standard Webhooks signed. A video object carries
/// nothing unique to the candidate (no metadata, seed or prompt: openai/openai-python src/openai/types/video.py and
/// video_create_params.py), so a submit whose answer may hide a task cannot be told from a sibling's and ends in doubt.
/// </summary>
public sealed class SoraProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<SoraOptions> options, ILogger<SoraProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>seconds "4" | "8" | "12" (openai-python video_create_params.py); a request gets the shortest at least as long.</summary>
    private static readonly DurationRule Lengths = DurationRule.OneOf(4, 8, 12);

    public override string Id => ProviderIds.Sora;

    public override bool IsRetired => true;

    protected override RemoteProviderOptions Options => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) =>
        string.IsNullOrWhiteSpace(request.Prompt) ? ProviderFailures.Unsupported("Sora needs a non-empty prompt")
        : request.DurationSeconds < 1 || Lengths.OutputFor(request.DurationSeconds) is null ? ProviderFailures.Unsupported($"Sora makes {Lengths.Describe()}; {request.DurationSeconds} s was asked")
        : request.AspectRatio is not (AspectRatios.Landscape or AspectRatios.Portrait) ? ProviderFailures.Unsupported($"Sora makes 16:9 or 9:16; {request.AspectRatio} was asked")
        : null;

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        // openai/openai-python src/openai/types/video_create_params.py: seconds "4" | "8" | "12", size "720x1280" | "1280x720" | ...
        var portrait = request.AspectRatio == AspectRatios.Portrait;
        var body = new JsonObject
        {
            ["model"] = request.Model ?? options.Value.Model,
            ["prompt"] = request.Prompt,
            ["seconds"] = (Lengths.OutputFor(request.DurationSeconds) ?? Lengths.Max).ToString(CultureInfo.InvariantCulture),
            ["size"] = portrait ? "720x1280" : "1280x720",
        };
        return await SubmitAsync(Api("v1/videos"), body, json => json.Field("id").AsText(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken) =>
        StatusOf(taskId, await GetJsonAsync(Api($"v1/videos/{Uri.EscapeDataString(taskId)}"), cancellationToken));

    protected override Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            return Task.FromResult(CallbackVerification.Reject("no webhook secret is configured for sora"));
        }

        var id = callback.Header(StandardWebhookVerifier.IdHeader);
        var error = new StandardWebhookVerifier(options.Value.WebhookSecret, Time).Verify(callback);
        if (error is not null)
        {
            return Task.FromResult(CallbackVerification.Reject(error));
        }

        if (!JsonFields.TryParse(callback.Body.Span, out var json))
        {
            return Task.FromResult(CallbackVerification.Reject("event body is not JSON"));
        }

        var type = json.Field("type").AsText();
        var videoId = json.Field("data").Field("id").AsText();
        if (videoId is null)
        {
            return Task.FromResult(CallbackVerification.Reject("event names no video"));
        }

        // The signed event states the outcome; the reason of a failure and the content come from the API.
        return Task.FromResult(type == "video.completed"
            ? CallbackVerification.Trusted(Observed(videoId, ProviderTaskState.Succeeded), id)
            : CallbackVerification.HintFor(videoId, id));
    }

    protected override Task<Stream> OpenSucceededAsync(ProviderTaskStatus status, CancellationToken cancellationToken) =>
        Downloader.OpenAsync(Api($"v1/videos/{Uri.EscapeDataString(status.TaskId)}/content"), Options, AuthorizeDownload, cancellationToken);

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        return ValueTask.CompletedTask;
    }

    protected override void AuthorizeDownload(HttpRequestMessage request)
    {
        if (IsApiHost(request.RequestUri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        }
    }

    private ProviderTaskStatus StatusOf(string taskId, JsonNode? video)
    {
        var status = video.Field("status").AsText();
        switch (status)
        {
            case "queued":
                return Observed(taskId, ProviderTaskState.Queued);
            case "in_progress":
                return Observed(taskId, ProviderTaskState.Running, progress: video.Field("progress").AsDouble());
            case "completed":
                return Observed(taskId, ProviderTaskState.Succeeded, [Api($"v1/videos/{Uri.EscapeDataString(taskId)}/content")]);
            case "failed":
                var code = video.Field("error").Field("code").AsText() ?? "failed";
                var message = video.Field("error").Field("message").AsText() ?? "the video failed";

                // error.code is OpenAI's own string (video_create_error.py); moderation ones name it.
                var moderated = code.Contains("moderation", StringComparison.OrdinalIgnoreCase) || code.Contains("policy", StringComparison.OrdinalIgnoreCase);
                return Observed(taskId, ProviderTaskState.Failed, failure: moderated ? ProviderFailures.Moderated(message, code) : ProviderFailures.TaskFailed(message, code));
            default:
                throw new ProviderCallException(ProviderFailures.Malformed($"Sora video status '{status ?? "(none)"}' is unknown"));
        }
    }
}
