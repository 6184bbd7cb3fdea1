using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Xai;

/// <summary>
/// xAI's video API (docs.x.ai/docs/guides/video-generation; the shapes as the vercel/ai <c>@ai-sdk/xai</c> video model
/// reads them): <c>POST /v1/videos/generations</c> <c>{model, prompt, duration, aspect_ratio, resolution, image: {url}}</c>
/// → <c>{request_id}</c>; <c>GET /v1/videos/{request_id}</c> → <c>{status: pending}</c> (or 202 with no body) until
/// <c>{status: done, video: {url, duration, respect_moderation}}</c>; <c>respect_moderation: false</c> is a moderation
/// refusal; <c>failed</c> and <c>expired</c> end the request. No callbacks: polled. A request can only be found by its
/// id, so a lost submit response ends in doubt. Not confirmed: the failed answer's error shape (read as text or
/// <c>{code, message}</c>).
/// </summary>
public sealed class XaiProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<XaiOptions> options, ILogger<XaiProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>"duration: 1-15 seconds" (docs.x.ai video generation guide).</summary>
    public const int MaxSeconds = 15;

    public override string Id => ProviderIds.Xai;

    protected override RemoteProviderOptions Options => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) =>
        string.IsNullOrWhiteSpace(request.Prompt) ? ProviderFailures.Unsupported("xAI needs a non-empty prompt")
        : request.DurationSeconds is < 1 or > MaxSeconds ? ProviderFailures.Unsupported($"xAI makes 1 to {MaxSeconds} s; {request.DurationSeconds} s was asked")
        : null;

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["model"] = request.Model ?? options.Value.Model,
            ["prompt"] = request.Prompt,
            ["duration"] = request.DurationSeconds,
            ["aspect_ratio"] = request.AspectRatio,
            ["resolution"] = request.Resolution,
        };
        if (request.ReferenceImageUrl is { } image)
        {
            body["image"] = new JsonObject { ["url"] = image.ToString() };
        }

        return await SubmitAsync(Api("v1/videos/generations"), body, json => json.Field("request_id").AsText(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Api($"v1/videos/{Uri.EscapeDataString(taskId)}"), cancellationToken);
        var video = json.Field("video");
        var status = json.Field("status").AsText() ?? (video is not null ? "done" : json is null ? "pending" : null);
        switch (status)
        {
            case "pending" or "processing" or "queued":
                return Observed(taskId, ProviderTaskState.Running, progress: json.Field("progress").AsDouble() is { } p ? p / 100 : null);
            case "done" when video.Field("respect_moderation").AsBool() == false:
                return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.Moderated("xAI blocked the video under its content policy (respect_moderation: false)", "respect_moderation"));
            case "done":
                return ParseUrl(video.Field("url").AsText()) is { } url
                    ? Observed(taskId, ProviderTaskState.Succeeded, [url])
                    : throw new ProviderCallException(ProviderFailures.Malformed($"xAI request {taskId} is done without a readable video URL"));
            case "failed":
                var error = json.Field("error");
                return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.TaskFailed(
                    $"xAI: {error.AsText() ?? error.Field("message").AsText() ?? "the video failed"}", error.Field("code").AsCode() ?? "failed"));
            case "expired":
                return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.TaskFailed("xAI: the request expired before it finished", "expired", transient: true));
            default:
                throw new ProviderCallException(ProviderFailures.Malformed($"xAI video status '{status ?? "(none)"}' is unknown"));
        }
    }

    /// <summary>xAI's error body is <c>{"code": "&lt;gRPC-style reason&gt;", "error": "&lt;message&gt;"}</c>.</summary>
    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var message = body.Field("error").AsText() ?? body.Field("error").Field("message").AsText() ?? $"HTTP {(int)status}";
        return FailureForStatus(status, $"xAI: {message}", body.Field("code").AsText() ?? $"http_{(int)status}");
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        return ValueTask.CompletedTask;
    }
}
