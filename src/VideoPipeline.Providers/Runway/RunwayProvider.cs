using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Runway;

/// <summary>
/// Runway: POST /v1/text_to_video or /v1/image_to_video → {id}; GET /v1/tasks/{id}. No callbacks (the
/// timer path polls). Runway's API has no way to list tasks or to attach a correlation id, so a submit
/// whose response was lost cannot be reconciled: it ends as <see cref="ProviderFailureKind.InDoubt"/>
/// and is never re-posted.
/// </summary>
public sealed class RunwayProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<RunwayOptions> options, ILogger<RunwayProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    public override string Id => ProviderIds.Runway;

    protected override RemoteProviderOptions Options => options.Value;

    public override async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var portrait = request.AspectRatio == AspectRatios.Portrait;
        var body = new JsonObject
        {
            ["model"] = request.Model ?? options.Value.Model,
            ["promptText"] = request.Prompt,
            ["ratio"] = portrait ? "720:1280" : "1280:720",
            ["duration"] = Math.Clamp(request.DurationSeconds, 2, 10),
            ["seed"] = request.Seed & uint.MaxValue,
        };
        if (request.ReferenceImageUrl is { } image)
        {
            body["promptImage"] = image.ToString();
        }

        return await SubmitAsync(
            Api(request.ReferenceImageUrl is null ? "v1/text_to_video" : "v1/image_to_video"), body, json => json?["id"]?.GetValue<string>(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        var json = await GetJsonAsync(Api($"v1/tasks/{Uri.EscapeDataString(taskId)}"), cancellationToken);
        var status = json?["status"]?.GetValue<string>();
        switch (status)
        {
            case "PENDING" or "THROTTLED":
                return Observed(taskId, ProviderTaskState.Queued);
            case "RUNNING":
                return Observed(taskId, ProviderTaskState.Running, progress: json?["progress"]?.GetValue<double>());
            case "SUCCEEDED":
                var urls = json?["output"]?.AsArray().Select(n => ParseUrl(n?.GetValue<string>())).OfType<Uri>().ToList() ?? [];
                return Observed(taskId, ProviderTaskState.Succeeded, urls);
            case "FAILED":
                return Observed(taskId, ProviderTaskState.Failed, failure: FailureOf(json));
            case "CANCELLED":
                return Observed(taskId, ProviderTaskState.Failed, failure: new ProviderFailure(ProviderFailureKind.Permanent, "CANCELLED", "the task was cancelled"));
            default:
                throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "malformed_response", $"Runway task status '{status}' is unknown"));
        }
    }

    internal static ProviderFailure FailureOf(JsonNode? task)
    {
        var code = task?["failureCode"]?.GetValue<string>() ?? "FAILED";
        var reason = task?["failure"]?.GetValue<string>() ?? "the task failed";

        // failureCode is dot-separated, most generic first: SAFETY.* is a moderation refusal;
        // INTERNAL.* and THROTTLED.* are Runway's own trouble and may succeed on a new task.
        var kind = code.StartsWith("SAFETY", StringComparison.Ordinal) ? ProviderFailureKind.Moderation
            : code.StartsWith("INTERNAL", StringComparison.Ordinal) || code.StartsWith("THROTTLED", StringComparison.Ordinal) ? ProviderFailureKind.Transient
            : ProviderFailureKind.Permanent;
        return new ProviderFailure(kind, code, reason);
    }

    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var failure = base.MapError(status, body);
        return failure.Message.Contains("SAFETY", StringComparison.Ordinal) || failure.Message.Contains("moderation", StringComparison.OrdinalIgnoreCase)
            ? failure with { Kind = ProviderFailureKind.Moderation }
            : failure;
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        request.Headers.Add("X-Runway-Version", RunwayOptions.ApiVersion);
        return ValueTask.CompletedTask;
    }
}
