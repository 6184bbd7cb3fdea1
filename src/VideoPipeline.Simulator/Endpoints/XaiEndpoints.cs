using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// xAI's video API: POST /v1/videos/generations → {request_id}; GET /v1/videos/{request_id} answers
/// {status: "pending"} while queued, 202 with no body while generating (both happen on the real API, as the vercel/ai
/// xAI provider's tests show), then {status: "done", video: {url, duration, respect_moderation}}. Errors are
/// {code, error}; a model xAI does not list is 404, a length or size it does not make is 400.
/// </summary>
internal static class XaiEndpoints
{
    private static readonly ProviderDialect Dialect = new(
        ProviderIds.Xai,
        request => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? null : Error(StatusCodes.Status401Unauthorized, "Unauthenticated", "No API key provided."),
        (status, message) => status == StatusCodes.Status429TooManyRequests
            ? Error(status, "Too many requests", "Your team has exceeded its rate limit.")
            : Error(status, status == StatusCodes.Status404NotFound ? "Some requested entity was not found" : "Service unavailable", message));

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/xai/v1/videos");
        group.MapPost("/generations", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapGet("/{id}", (Delegate)((HttpContext context) => Get(state, context, context.Request.RouteValues["id"] as string ?? string.Empty)));
    }

    private static IResult Get(SimulatorState state, HttpContext context, string id)
    {
        if (state.Gate(Dialect, context, isSubmit: false) is { } refused)
        {
            return refused;
        }

        if (state.Tasks.Find(ProviderIds.Xai, id) is not { } task)
        {
            return Error(StatusCodes.Status404NotFound, "Some requested entity was not found", $"No video request with id {id}");
        }

        switch (task.StateAt(state.Time.GetUtcNow()))
        {
            case SimulatedState.Queued:
                return SimulatorState.Json(new JsonObject { ["status"] = "pending", ["progress"] = 0 });
            case SimulatedState.Running:
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case SimulatedState.Succeeded:
                return SimulatorState.Json(Done(task, new JsonObject { ["url"] = state.ResultUrl(task).ToString(), ["duration"] = task.DurationSeconds, ["respect_moderation"] = true }));
            default:
                return task.Outcome == TaskOutcome.Moderated
                    ? SimulatorState.Json(Done(task, new JsonObject { ["url"] = null, ["duration"] = task.DurationSeconds, ["respect_moderation"] = false }))
                    : SimulatorState.Json(new JsonObject { ["status"] = "failed", ["error"] = new JsonObject { ["code"] = "internal_error", ["message"] = "Video generation failed." } });
        }
    }

    private static JsonObject Done(SimulatedTask task, JsonObject video) =>
        new() { ["status"] = "done", ["video"] = video, ["model"] = task.Model, ["progress"] = 100 };

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context)
    {
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        var model = json.Field("model").AsText() ?? "grok-imagine-video";
        if (ModelCatalog.Find(ProviderIds.Xai, model) is not { } entry)
        {
            return Error(StatusCodes.Status404NotFound, "Some requested entity was not found", $"The model {model} does not exist or your team does not have access to it.");
        }

        var prompt = json.Field("prompt").AsText();
        var duration = json.Field("duration").AsInt() ?? 8;
        var resolution = json.Field("resolution").AsText() ?? "480p";
        var aspect = json.Field("aspect_ratio").AsText() ?? AspectRatios.Landscape;
        var problem = string.IsNullOrWhiteSpace(prompt) ? "prompt must not be empty"
            : entry.Can.Durations.OutputFor(duration) != duration ? $"duration must be between {entry.Can.Durations.Min} and {entry.Can.Durations.Max}"
            : resolution != "480p" && !entry.Can.Resolutions.Contains(resolution) ? $"resolution {resolution} is not supported by {model}"
            : !entry.Can.AspectRatios.Contains(aspect) ? $"aspect_ratio {aspect} is not supported"
            : null;
        if (problem is not null)
        {
            return Error(StatusCodes.Status400BadRequest, "Client specified an invalid argument", problem);
        }

        var task = state.Create(ProviderIds.Xai, Guid.NewGuid().ToString(), prompt!, 0, duration, aspect, null, null, model);
        return state.LoseResponse(ProviderIds.Xai, context) ? Results.Empty : SimulatorState.Json(new JsonObject { ["request_id"] = task.Id });
    }

    private static IResult Error(int status, string code, string error) =>
        SimulatorState.Json(new JsonObject { ["code"] = code, ["error"] = error }, status);
}
