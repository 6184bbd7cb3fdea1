using System.Globalization;
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
/// whose answer may hide a task cannot be reconciled: it ends as <see cref="ProviderFailureKind.InDoubt"/>
/// and is never re-posted.
/// </summary>
public sealed class RunwayProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<RunwayOptions> options, ILogger<RunwayProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>
    /// promptText is "a non-empty string up to 1000 characters (measured in UTF-16 code units)" for gen4.5,
    /// gen4_turbo and veo3.x (runwayml/sdk-node src/resources/text-to-video.ts, image-to-video.ts); .NET string
    /// lengths are UTF-16 code units too.
    /// </summary>
    public const int MaxPromptLength = 1000;

    /// <summary>gen4.5 takes "an integer from 2 to 10" seconds (runwayml/sdk-node text-to-video.ts).</summary>
    public const int MinSeconds = 2;

    public const int MaxSeconds = 10;

    public override string Id => ProviderIds.Runway;

    protected override RemoteProviderOptions Options => options.Value;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) =>
        string.IsNullOrWhiteSpace(request.Prompt)
            ? ProviderFailures.Unsupported("Runway needs a non-empty prompt")
            : request.Prompt.Length > MaxPromptLength
                ? ProviderFailures.Unsupported($"Runway takes prompts of at most {MaxPromptLength} characters; this one has {request.Prompt.Length}")
                : request.DurationSeconds is < MinSeconds or > MaxSeconds
                    ? ProviderFailures.Unsupported($"Runway makes {MinSeconds} to {MaxSeconds} s; {request.DurationSeconds} s was asked")
                    : request.AspectRatio is not (AspectRatios.Landscape or AspectRatios.Portrait)
                        ? ProviderFailures.Unsupported($"Runway makes 16:9 or 9:16 (ratio 1280:720 or 720:1280); {request.AspectRatio} was asked")
                        : null;

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        // Body fields as in runwayml/sdk-node src/resources/text-to-video.ts (Gen4_5): model, promptText, ratio, duration, seed.
        var body = new JsonObject
        {
            ["model"] = request.Model ?? options.Value.Model,
            ["promptText"] = request.Prompt,
            ["ratio"] = request.AspectRatio == AspectRatios.Portrait ? "720:1280" : "1280:720",
            ["duration"] = request.DurationSeconds,
            ["seed"] = request.Seed & uint.MaxValue, // "seed: integer 0 to 4294967295"
        };
        if (request.ReferenceImageUrl is { } image)
        {
            body["promptImage"] = image.ToString();
        }

        return await SubmitAsync(
            Api(request.ReferenceImageUrl is null ? "v1/text_to_video" : "v1/image_to_video"), body, json => json.Field("id").AsText(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        // Task shape: runwayml/sdk-node src/resources/tasks.ts (status PENDING | THROTTLED | RUNNING | SUCCEEDED | FAILED | CANCELLED).
        var json = await GetJsonAsync(Api($"v1/tasks/{Uri.EscapeDataString(taskId)}"), cancellationToken);
        var status = json.Field("status").AsText();
        switch (status)
        {
            case "PENDING" or "THROTTLED":
                return Observed(taskId, ProviderTaskState.Queued);
            case "RUNNING":
                return Observed(taskId, ProviderTaskState.Running, progress: json.Field("progress").AsDouble());
            case "SUCCEEDED":
                var urls = json.Field("output").Items().Select(n => ParseUrl(n.AsText())).OfType<Uri>().ToList();
                return urls.Count > 0
                    ? Observed(taskId, ProviderTaskState.Succeeded, urls)
                    : throw new ProviderCallException(ProviderFailures.Malformed($"Runway task {taskId} succeeded without a readable output URL"));
            case "FAILED":
                return Observed(taskId, ProviderTaskState.Failed, failure: FailureOf(json));
            case "CANCELLED":
                return Observed(taskId, ProviderTaskState.Failed, failure: ProviderFailures.Cancelled("the task was cancelled", "CANCELLED"));
            default:
                throw new ProviderCallException(ProviderFailures.Malformed($"Runway task status '{status ?? "(none)"}' is unknown"));
        }
    }

    /// <summary>
    /// A failed task's failure. failureCode is dot-separated, most generic first (docs.dev.runwayml.com/errors/task-failures):
    /// SAFETY.* is a moderation refusal ("you should not retry these generations"), and so is
    /// INPUT_PREPROCESSING.SAFETY.* (a third-party model's moderation before generation); INTERNAL.* and THROTTLED.*
    /// are Runway's own trouble and may pass on a new task.
    /// </summary>
    internal static ProviderFailure FailureOf(JsonNode? task)
    {
        var code = task.Field("failureCode").AsText() ?? "FAILED";
        var reason = task.Field("failure").AsText() ?? "the task failed";
        return code.StartsWith("SAFETY", StringComparison.Ordinal) || code.StartsWith("INPUT_PREPROCESSING.SAFETY", StringComparison.Ordinal)
            ? ProviderFailures.Moderated(reason, code)
            : ProviderFailures.TaskFailed(reason, code,
                transient: code.StartsWith("INTERNAL", StringComparison.Ordinal) || code.StartsWith("THROTTLED", StringComparison.Ordinal));
    }

    /// <summary>
    /// Runway's error body is <c>{"error": "&lt;message&gt;", "issues": [...]}</c>: a string, with validation issues
    /// listed beside it (the shape the issue tracker recorded from the live API; the SDKs only surface the
    /// body as an opaque object, so the issue entries' fields are not confirmed: each is read as text or as its message/path).
    /// </summary>
    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var message = body.Field("error").AsText() ?? body.Field("error").Field("message").AsText() ?? $"HTTP {(int)status}";
        var issues = body.Field("issues").Items().Select(Issue).OfType<string>().Take(5).ToList();
        var reason = issues.Count > 0 ? $"Runway: {message} ({string.Join("; ", issues)})" : $"Runway: {message}";
        return FailureForStatus(status, reason, $"http_{((int)status).ToString(CultureInfo.InvariantCulture)}");

        static string? Issue(JsonNode? issue) =>
            issue.AsText() ?? (issue.Field("message").AsText() is { } text
                ? issue.Field("path").Items().Select(p => p.AsCode()).OfType<string>().ToList() is { Count: > 0 } path ? $"{string.Join('.', path)}: {text}" : text
                : null);
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        request.Headers.Add("X-Runway-Version", RunwayOptions.ApiVersion);
        return ValueTask.CompletedTask;
    }
}
