using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Sora;

/// <summary>
/// OpenAI Sora 2 (retired 2026-09-24): POST /v1/videos; GET /v1/videos/{id}; GET /v1/videos/{id}/content.
/// Project webhooks <c>video.completed</c>/<c>video.failed</c> are Standard Webhooks signed. A lost submit
/// response is reconciled by listing recent videos and adopting the one with this prompt created since the submit.
/// </summary>
public sealed class SoraProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<SoraOptions> options, ILogger<SoraProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    public override string Id => ProviderIds.Sora;

    public override bool IsRetired => true;

    protected override RemoteProviderOptions Options => options.Value;

    public override async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var portrait = request.AspectRatio == AspectRatios.Portrait;
        var body = new JsonObject
        {
            ["model"] = request.Model ?? options.Value.Model,
            ["prompt"] = request.Prompt,
            ["seconds"] = request.DurationSeconds <= 4 ? "4" : request.DurationSeconds <= 8 ? "8" : "12",
            ["size"] = portrait ? "720x1280" : "1280x720",
        };
        var started = Time.GetUtcNow();
        return await SubmitAsync(
            Api("v1/videos"), body, json => json?["id"]?.GetValue<string>(), cancellationToken, ct => ReconcileAsync(request.Prompt, started, ct));
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
        var error = new StandardWebhookVerifier(options.Value.WebhookSecret, Time).Verify(
            id, callback.Header(StandardWebhookVerifier.TimestampHeader), callback.Header(StandardWebhookVerifier.SignatureHeader), callback.Body.Span);
        if (error is not null)
        {
            return Task.FromResult(CallbackVerification.Reject(error));
        }

        var json = JsonNode.Parse(callback.Body.Span);
        var type = json?["type"]?.GetValue<string>();
        var videoId = json?["data"]?["id"]?.GetValue<string>();
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
        var status = video?["status"]?.GetValue<string>();
        switch (status)
        {
            case "queued":
                return Observed(taskId, ProviderTaskState.Queued);
            case "in_progress":
                return Observed(taskId, ProviderTaskState.Running, progress: video?["progress"]?.GetValue<double>());
            case "completed":
                return Observed(taskId, ProviderTaskState.Succeeded, [Api($"v1/videos/{Uri.EscapeDataString(taskId)}/content")]);
            case "failed":
                var code = video?["error"]?["code"]?.GetValue<string>() ?? "failed";
                var message = video?["error"]?["message"]?.GetValue<string>() ?? "the video failed";
                var moderated = code.Contains("moderation", StringComparison.OrdinalIgnoreCase) || code.Contains("policy", StringComparison.OrdinalIgnoreCase);
                return Observed(taskId, ProviderTaskState.Failed, failure: new ProviderFailure(moderated ? ProviderFailureKind.Moderation : ProviderFailureKind.Permanent, code, message));
            default:
                throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "malformed_response", $"Sora video status '{status}' is unknown"));
        }
    }

    private async Task<SubmissionResult> ReconcileAsync(string prompt, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            var json = await GetJsonAsync(Api("v1/videos?limit=50&order=desc"), cancellationToken);
            var since = started.AddSeconds(-5).ToUnixTimeSeconds();
            var matches = json?["data"]?.AsArray()
                .Where(v => v?["prompt"]?.GetValue<string>() == prompt && (v?["created_at"]?.GetValue<long>() ?? 0) >= since)
                .Select(v => v!["id"]!.GetValue<string>()).ToList() ?? [];
            return matches.Count switch
            {
                1 => SubmissionResult.Ok(matches[0], reconciled: true),
                0 => SubmissionResult.Failed(new ProviderFailure(ProviderFailureKind.InDoubt, "submit_in_doubt", "no video with this prompt appeared; it may still appear, so not re-posted")),
                _ => SubmissionResult.Failed(new ProviderFailure(ProviderFailureKind.InDoubt, "submit_ambiguous", "several videos with this prompt appeared since the submit")),
            };
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ex.Failure with { Kind = ProviderFailureKind.InDoubt });
        }
    }
}
