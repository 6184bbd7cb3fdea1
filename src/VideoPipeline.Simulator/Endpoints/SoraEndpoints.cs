using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// OpenAI's videos API as it was before the shutdown: POST/GET /v1/videos, GET /v1/videos/{id}[/content]. The video
/// object is openai/openai-python src/openai/types/video.py: it carries no prompt, seed or metadata.
/// </summary>
internal static class SoraEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/sora/v1/videos");
        group.MapPost(string.Empty, (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapGet(string.Empty, (HttpContext context) =>
            Authorized(context) ?? state.Throttle(ProviderIds.Sora, context, isSubmit: false)
            ?? SimulatorState.Json(new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. state.TasksOf(ProviderIds.Sora).Take(50).Select(t => (JsonNode)Video(state, t))]) }));
        group.MapGet("/{id}", (string id, HttpContext context) =>
            Authorized(context) ?? state.Throttle(ProviderIds.Sora, context, isSubmit: false)
            ?? (state.Find(id) is { ProviderId: ProviderIds.Sora } task ? SimulatorState.Json(Video(state, task)) : NotFound()));
        group.MapGet("/{id}/content", async (string id, HttpContext context) =>
            Authorized(context) ?? (state.Find(id) is { ProviderId: ProviderIds.Sora } task && task.StateAt(state.Time.GetUtcNow()) == SimulatedState.Succeeded
                ? Results.File(await state.ClipAsync(task), "video/mp4")
                : NotFound()));
    }

    private static JsonObject Video(SimulatorState state, SimulatedTask task)
    {
        var at = task.StateAt(state.Time.GetUtcNow());
        var video = new JsonObject
        {
            ["id"] = task.Id,
            ["object"] = "video",
            ["model"] = task.Model,
            ["created_at"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["seconds"] = task.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["status"] = at switch
            {
                SimulatedState.Queued => "queued",
                SimulatedState.Running => "in_progress",
                SimulatedState.Succeeded => "completed",
                _ => "failed",
            },
        };
        if (at == SimulatedState.Failed)
        {
            video["error"] = task.Outcome == TaskOutcome.Moderated
                ? new JsonObject { ["code"] = "moderation_blocked", ["message"] = "Your request was blocked by our moderation system." }
                : new JsonObject { ["code"] = "internal_error", ["message"] = "Video generation failed." };
        }

        return video;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context)
    {
        if (Authorized(context) is { } refused)
        {
            return refused;
        }

        if (state.Throttle(ProviderIds.Sora, context, isSubmit: true) is { } throttled)
        {
            return throttled;
        }

        var json = await JsonNode.ParseAsync(context.Request.Body);
        var prompt = json?["prompt"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return SimulatorState.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "prompt is required", ["type"] = "invalid_request_error" } }, 400);
        }

        var seconds = int.TryParse(json?["seconds"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var s) ? s : 4;
        var portrait = json?["size"]?.GetValue<string>() == "720x1280";
        var task = state.Create(ProviderIds.Sora, "video_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), prompt, 0, seconds,
            portrait ? AspectRatios.Portrait : AspectRatios.Landscape, null, null, json?["model"]?.GetValue<string>() ?? "sora-2");
        return state.LoseResponse(ProviderIds.Sora, context) ? Results.Empty : SimulatorState.Json(Video(state, task));
    }

    private static IResult NotFound() =>
        SimulatorState.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "Video not found", ["type"] = "invalid_request_error" } }, 404);

    private static IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? null
            : SimulatorState.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "Missing bearer authentication", ["type"] = "invalid_request_error" } }, 401);
}
