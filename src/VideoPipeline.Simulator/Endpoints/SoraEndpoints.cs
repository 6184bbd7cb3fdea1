using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// OpenAI's videos API as it was before the shutdown: POST/GET /v1/videos, GET /v1/videos/{id}[/content]. The video
/// object is openai/openai-python src/openai/types/video.py: it carries no prompt, seed or metadata.
/// </summary>
internal static class SoraEndpoints
{
    // OpenAI's error envelope: {"error": {"message", "type", "param", "code"}} (openai/openai-python src/openai/_exceptions.py reads body["error"]).
    private static readonly ProviderDialect Dialect = new(
        ProviderIds.Sora,
        request => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? null : Error(401, "Missing bearer authentication in header"),
        Error);

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/sora/v1/videos");
        group.MapPost(string.Empty, (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapGet(string.Empty, (HttpContext context) =>
            state.Gate(Dialect, context, isSubmit: false)
            ?? SimulatorState.Json(new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. state.Tasks.Of(ProviderIds.Sora).Take(50).Select(t => (JsonNode)Video(state, t))]) }));
        group.MapGet("/{id}", (string id, HttpContext context) =>
            state.Gate(Dialect, context, isSubmit: false)
            ?? (state.Tasks.Find(ProviderIds.Sora, id) is { } task ? SimulatorState.Json(Video(state, task)) : Dialect.NotFound("Video not found")));
        group.MapGet("/{id}/content", async (string id, HttpContext context) =>
            Dialect.Authorize(context.Request) ?? (state.Tasks.Find(ProviderIds.Sora, id) is { } task && task.StateAt(state.Time.GetUtcNow()) == SimulatedState.Succeeded
                ? Results.File(await state.Clips.ClipAsync(task), "video/mp4")
                : Dialect.NotFound("Video not found")));
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
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        // video_create_params.py: prompt required; seconds "4" | "8" | "12" (a string); size 720x1280 | 1280x720 | 1024x1792 | 1792x1024.
        var json = await SimulatorState.ReadJsonAsync(context);
        var prompt = json.Field("prompt").AsText();
        var secondsText = json.Field("seconds").AsText();
        var size = json.Field("size").AsText();
        if (string.IsNullOrWhiteSpace(prompt) || secondsText is not (null or "4" or "8" or "12") || (json.Field("seconds") is not null && secondsText is null)
            || size is not (null or "720x1280" or "1280x720" or "1024x1792" or "1792x1024"))
        {
            return Error(400, "Invalid request: prompt is required; seconds must be '4', '8' or '12'; size must be one of the listed sizes");
        }

        var seconds = int.Parse(secondsText ?? "4", CultureInfo.InvariantCulture);
        var portrait = size is null or "720x1280" or "1024x1792";
        var task = state.Create(ProviderIds.Sora, "video_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), prompt, 0, seconds,
            portrait ? AspectRatios.Portrait : AspectRatios.Landscape, null, null, json.Field("model").AsText() ?? "sora-2");
        return state.LoseResponse(ProviderIds.Sora, context) ? Results.Empty : SimulatorState.Json(Video(state, task));
    }

    private static IResult Error(int status, string message) =>
        SimulatorState.Json(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = message,
                    ["type"] = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error",
                    ["param"] = null,
                    ["code"] = null,
                },
            },
            status);
}
