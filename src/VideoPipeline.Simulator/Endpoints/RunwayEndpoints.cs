using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>Runway's wire format: POST /v1/text_to_video|image_to_video → {id}; GET /v1/tasks/{id}.</summary>
internal static class RunwayEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/runway/v1");
        group.MapPost("/text_to_video", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapPost("/image_to_video", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapGet("/tasks/{id}", (string id, HttpContext context) =>
        {
            if (Unauthorized(context) is { } refused)
            {
                return refused;
            }

            if (state.Throttle(ProviderIds.Runway, context, isSubmit: false) is { } throttled)
            {
                return throttled;
            }

            if (state.Find(id) is not { ProviderId: ProviderIds.Runway } task)
            {
                return SimulatorState.Json(new JsonObject { ["error"] = "Task not found" }, StatusCodes.Status404NotFound);
            }

            var now = state.Time.GetUtcNow();
            var body = new JsonObject { ["id"] = task.Id, ["createdAt"] = task.CreatedAt.ToString("O") };
            switch (task.StateAt(now))
            {
                case SimulatedState.Queued:
                    body["status"] = "PENDING";
                    break;
                case SimulatedState.Running:
                    body["status"] = "RUNNING";
                    body["progress"] = 0.5;
                    break;
                case SimulatedState.Succeeded:
                    body["status"] = "SUCCEEDED";
                    body["output"] = new JsonArray(state.ResultUrl(task).ToString());
                    break;
                default:
                    body["status"] = "FAILED";
                    body["failureCode"] = task.Outcome == TaskOutcome.Moderated ? "SAFETY.INPUT.TEXT" : "INTERNAL.BAD_OUTPUT";
                    body["failure"] = task.Outcome == TaskOutcome.Moderated ? "The prompt was flagged by content moderation." : "An unexpected error occurred.";
                    break;
            }

            return SimulatorState.Json(body);
        });
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context)
    {
        if (Unauthorized(context) is { } refused)
        {
            return refused;
        }

        if (state.Throttle(ProviderIds.Runway, context, isSubmit: true) is { } throttled)
        {
            return throttled;
        }

        var json = await JsonNode.ParseAsync(context.Request.Body);
        var prompt = json?["promptText"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(prompt) || prompt.Length > 1000)
        {
            return SimulatorState.Json(new JsonObject { ["error"] = "promptText must be 1 to 1000 characters" }, StatusCodes.Status400BadRequest);
        }

        var ratio = json?["ratio"]?.GetValue<string>() == "720:1280" ? AspectRatios.Portrait : AspectRatios.Landscape;
        var task = state.Create(ProviderIds.Runway, Guid.NewGuid().ToString(), prompt, json?["seed"]?.GetValue<long>() ?? 0,
            json?["duration"]?.GetValue<int>() ?? 5, ratio, null, null, json?["model"]?.GetValue<string>() ?? "gen4.5");
        return state.LoseResponse(ProviderIds.Runway, context) ? Results.Empty : SimulatorState.Json(new JsonObject { ["id"] = task.Id });
    }

    private static IResult? Unauthorized(HttpContext context) =>
        !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? SimulatorState.Json(new JsonObject { ["error"] = "Unauthorized" }, StatusCodes.Status401Unauthorized)
            : context.Request.Headers["X-Runway-Version"] != "2024-11-06"
                ? SimulatorState.Json(new JsonObject { ["error"] = "X-Runway-Version header is required" }, StatusCodes.Status400BadRequest)
                : null;
}
