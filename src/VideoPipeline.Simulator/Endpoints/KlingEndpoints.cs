using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Kling's wire format (app.klingai.com/global/dev/document-api: "General Information", "Text to Video", "Image to Video"):
/// POST /v1/videos/text2video|image2video → {code, message, request_id, data:{task_id, task_status, ...}};
/// GET /v1/videos/{kind}/{task_id or external_task_id} (one task); GET /v1/videos/{kind}?pageNum&amp;pageSize (a page of tasks).
/// Errors are {code, message, request_id} with the business codes of the docs' table (401/1000, 404/1203, 400/1201,
/// 400/1301 content safety, 429/1302 rate limit, 429/1100–1102 account, 429/1304 IP allow-list, 500/5000, 503/5001);
/// codes may come as strings. Callbacks are unsigned. Not confirmed: the code and wording for a repeated external_task_id
/// (1201 here) and the page size limit (500 here).
/// </summary>
internal static class KlingEndpoints
{
    private static long _nextId = 800_000_000_000_000_000;

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var dialect = new ProviderDialect(ProviderIds.Kling, Authorize(state), (status, message) => Error(state, StatusCode(status), message, status));
        var group = app.MapGroup("/kling/v1/videos");
        foreach (var kind in new[] { "text2video", "image2video" })
        {
            group.MapPost($"/{kind}", (Delegate)((HttpContext context) => SubmitAsync(state, dialect, context)));
            group.MapGet($"/{kind}/{{id}}", (string id, HttpContext context) =>
                state.Gate(dialect, context, isSubmit: false)
                ?? ((state.Tasks.Find(ProviderIds.Kling, id) ?? state.Tasks.FindByExternalId(ProviderIds.Kling, id)) is { } task
                    ? Ok(state, TaskData(state, task, task.StateAt(state.Time.GetUtcNow())))
                    : Error(state, 1203, "The requested resource does not exist", StatusCodes.Status404NotFound)));
            group.MapGet($"/{kind}", (int? pageNum, int? pageSize, HttpContext context) =>
            {
                if (state.Gate(dialect, context, isSubmit: false) is { } refused)
                {
                    return refused;
                }

                var (page, size) = (pageNum ?? 1, pageSize ?? 30);
                if (page < 1 || size is < 1 or > 500)
                {
                    return Error(state, 1201, "pageNum must be at least 1 and pageSize 1 to 500", StatusCodes.Status400BadRequest);
                }

                var tasks = state.Tasks.Of(ProviderIds.Kling).Skip((page - 1) * size).Take(size)
                    .Select(t => (JsonNode)TaskData(state, t, t.StateAt(state.Time.GetUtcNow())));
                return Ok(state, new JsonArray([.. tasks]));
            });
        }
    }

    internal static JsonObject TaskData(SimulatorState state, SimulatedTask task, SimulatedState at)
    {
        var data = new JsonObject
        {
            ["task_id"] = task.Id,
            ["task_info"] = new JsonObject { ["external_task_id"] = task.ExternalId },
            ["created_at"] = task.CreatedAt.ToUnixTimeMilliseconds(),
            ["updated_at"] = state.Time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        switch (at)
        {
            case SimulatedState.Queued:
                data["task_status"] = "submitted";
                break;
            case SimulatedState.Running:
                data["task_status"] = "processing";
                break;
            case SimulatedState.Succeeded:
                data["task_status"] = "succeed";
                data["task_status_msg"] = string.Empty;
                data["task_result"] = new JsonObject
                {
                    ["videos"] = new JsonArray(new JsonObject
                    {
                        ["id"] = task.Id + "-0",
                        ["url"] = state.ResultUrl(task).ToString(),
                        ["duration"] = task.DurationSeconds.ToString(CultureInfo.InvariantCulture),
                    }),
                };
                break;
            default:
                data["task_status"] = "failed";
                data["task_status_msg"] = task.Outcome == TaskOutcome.Moderated ? "Failure to pass the risk control system" : "Internal error, please retry";
                break;
        }

        return data;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, ProviderDialect dialect, HttpContext context)
    {
        if (state.Gate(dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        var prompt = json.Field("prompt").AsText();
        var duration = json.Field("duration").AsText(); // a string enum: "5" | "10"
        var aspect = json.Field("aspect_ratio").AsText() ?? AspectRatios.Landscape;
        var mode = json.Field("mode").AsText() ?? "std";
        if (prompt is not { Length: >= 1 and <= 2500 } || duration is not (null or "5" or "10") || aspect is not ("16:9" or "9:16" or "1:1") || mode is not ("std" or "pro"))
        {
            return Error(state, 1201, "Invalid request parameters: prompt 1-2500 characters, duration \"5\" or \"10\", aspect_ratio 16:9, 9:16 or 1:1, mode std or pro", StatusCodes.Status400BadRequest);
        }

        var external = json.Field("external_task_id").AsText();
        if (external is not null && state.Tasks.FindByExternalId(ProviderIds.Kling, external) is not null)
        {
            return Error(state, 1201, "external_task_id already exists", StatusCodes.Status400BadRequest);
        }

        // Kling reviews prompts at submit: a moderation draw answers 1301 and creates nothing.
        var outcome = state.DrawOutcome(ProviderIds.Kling);
        if (outcome == TaskOutcome.Moderated)
        {
            return Error(state, 1301, "Trigger the content security policy of the platform", StatusCodes.Status400BadRequest);
        }

        var callback = Uri.TryCreate(json.Field("callback_url").AsText(), UriKind.Absolute, out var url) ? url : null;
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var task = state.Create(ProviderIds.Kling, id, prompt, Seed(external ?? id), duration == "10" ? 10 : 5, aspect,
            callback, external, json.Field("model_name").AsText() ?? "kling-v2-1-master", outcome);
        return state.LoseResponse(ProviderIds.Kling, context) ? Results.Empty : Ok(state, TaskData(state, task, SimulatedState.Queued));
    }

    /// <summary>Kling takes no seed: derive one from the request so candidates still differ.</summary>
    private static long Seed(string key) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static int StatusCode(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => 1000,
        StatusCodes.Status404NotFound => 1203,
        StatusCodes.Status429TooManyRequests => 1302,
        StatusCodes.Status503ServiceUnavailable => 5001,
        >= 500 => 5000,
        _ => 1201,
    };

    private static Func<HttpRequest, IResult?> Authorize(SimulatorState state) => request =>
        request.Headers.Authorization.ToString() is not { } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal) || auth.Count(c => c == '.') != 2
            ? Error(state, 1000, "Authentication failed", StatusCodes.Status401Unauthorized)
            : state.Behaviors[ProviderIds.Kling].RefusalCode is { } code
                ? Error(state, code, code == 1304 ? "IP whitelist policy: the request IP is not allowed" : "Account exception", StatusCodes.Status429TooManyRequests)
                : null;

    private static IResult Ok(SimulatorState state, JsonNode data) =>
        SimulatorState.Json(new JsonObject { ["code"] = Code(state, 0), ["message"] = "SUCCEED", ["request_id"] = Guid.NewGuid().ToString(), ["data"] = data });

    private static IResult Error(SimulatorState state, int code, string message, int status) =>
        SimulatorState.Json(new JsonObject { ["code"] = Code(state, code), ["message"] = message, ["request_id"] = Guid.NewGuid().ToString() }, status);

    private static JsonNode Code(SimulatorState state, int code) =>
        state.Behaviors[ProviderIds.Kling].BusinessCodesAsStrings ? JsonValue.Create(code.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(code);
}
