using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Kling's wire format: POST /v1/videos/text2video|image2video → {code, data:{task_id}}; GET …/{task_id}
/// or …?external_task_id=; business codes 1301 (content safety), 1302 (rate limit); unsigned callbacks.
/// </summary>
internal static class KlingEndpoints
{
    private static long _nextId = 800_000_000_000_000_000;

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/kling/v1/videos");
        foreach (var kind in new[] { "text2video", "image2video" })
        {
            group.MapPost($"/{kind}", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
            // Kling's "Query Task (Single)" takes a task_id or the caller's external_task_id in the same path segment.
            group.MapGet($"/{kind}/{{id}}", (string id, HttpContext context) => Query(state, context, state.Find(id) ?? state.FindByExternalId(ProviderIds.Kling, id)));
            group.MapGet($"/{kind}", (string? external_task_id, HttpContext context) =>
                Query(state, context, external_task_id is null ? null : state.FindByExternalId(ProviderIds.Kling, external_task_id)));
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

    private static IResult Query(SimulatorState state, HttpContext context, SimulatedTask? task)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        if (state.Throttle(ProviderIds.Kling, context, isSubmit: false, RateLimited) is { } throttled)
        {
            return throttled;
        }

        return task is not { ProviderId: ProviderIds.Kling }
            ? SimulatorState.Json(new JsonObject { ["code"] = 1203, ["message"] = "task not found" }, StatusCodes.Status404NotFound)
            : SimulatorState.Json(new JsonObject { ["code"] = 0, ["message"] = "SUCCEED", ["data"] = TaskData(state, task, task.StateAt(state.Time.GetUtcNow())) });
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        if (state.Throttle(ProviderIds.Kling, context, isSubmit: true, RateLimited) is { } throttled)
        {
            return throttled;
        }

        var json = await JsonNode.ParseAsync(context.Request.Body);
        var prompt = json?["prompt"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return SimulatorState.Json(new JsonObject { ["code"] = 1201, ["message"] = "prompt is required" }, StatusCodes.Status400BadRequest);
        }

        var external = json?["external_task_id"]?.GetValue<string>();
        if (external is not null && state.FindByExternalId(ProviderIds.Kling, external) is not null)
        {
            return SimulatorState.Json(new JsonObject { ["code"] = 1201, ["message"] = "external_task_id already exists" }, StatusCodes.Status400BadRequest);
        }

        // Kling reviews prompts at submit: a moderation draw answers 1301 and creates nothing.
        var outcome = state.DrawOutcome(ProviderIds.Kling);
        if (outcome == TaskOutcome.Moderated)
        {
            return SimulatorState.Json(new JsonObject { ["code"] = 1301, ["message"] = "Trigger the content security policy of the platform" }, StatusCodes.Status400BadRequest);
        }

        var callback = Uri.TryCreate(json?["callback_url"]?.GetValue<string>(), UriKind.Absolute, out var url) ? url : null;
        var seconds = int.TryParse(json?["duration"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var d) ? d : 5;
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var task = state.Create(ProviderIds.Kling, id, prompt, Seed(external ?? id), seconds, json?["aspect_ratio"]?.GetValue<string>() ?? AspectRatios.Landscape,
            callback, external, json?["model_name"]?.GetValue<string>() ?? "kling-v2-1-master", outcome);
        return state.LoseResponse(ProviderIds.Kling, context)
            ? Results.Empty
            : SimulatorState.Json(new JsonObject { ["code"] = 0, ["message"] = "SUCCEED", ["data"] = TaskData(state, task, SimulatedState.Queued) });
    }

    /// <summary>Kling takes no seed: derive one from the request so candidates still differ.</summary>
    private static long Seed(string key) => BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private static JsonNode RateLimited() => new JsonObject { ["code"] = 1302, ["message"] = "rate limit exceeded" };

    private static IResult? Unauthorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is var auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth.Count(c => c == '.') == 2
            ? null
            : SimulatorState.Json(new JsonObject { ["code"] = 1000, ["message"] = "authentication failed" }, StatusCodes.Status401Unauthorized);
}
