using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Runway's wire format (runwayml/sdk-node src/resources/text-to-video.ts, image-to-video.ts, tasks.ts):
/// POST /v1/text_to_video|image_to_video → {id}; GET /v1/tasks/{id} → {id, status, createdAt, progress, output[], failure, failureCode}.
/// Every request carries <c>Authorization: Bearer</c> and <c>X-Runway-Version: 2024-11-06</c>. Errors are
/// <c>{"error": "&lt;message&gt;", "issues": [...]}</c> (the issue entries' exact fields are not confirmed: path + message here).
/// Validation as the SDK documents for gen4.5: promptText 1–1000 UTF-16 code units, ratio 1280:720 or 720:1280,
/// duration an integer 2–10, seed 0–4294967295.
/// </summary>
internal static class RunwayEndpoints
{
    private static readonly ProviderDialect Dialect = new(ProviderIds.Runway, Authorize, (status, message) => Error(status, message));

    private static readonly HashSet<string> Models = new(StringComparer.Ordinal) { "gen4.5", "gen4_turbo", "gen3a_turbo", "veo3", "veo3.1", "veo3.1_fast" };

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/runway/v1");
        group.MapPost("/text_to_video", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapPost("/image_to_video", (Delegate)((HttpContext context) => SubmitAsync(state, context)));
        group.MapGet("/tasks/{id}", (string id, HttpContext context) =>
            state.Gate(Dialect, context, isSubmit: false)
            ?? (state.Tasks.Find(ProviderIds.Runway, id) is { } task ? SimulatorState.Json(Task(state, task)) : Dialect.NotFound("Task not found")));
    }

    private static JsonObject Task(SimulatorState state, SimulatedTask task)
    {
        var body = new JsonObject { ["id"] = task.Id, ["createdAt"] = task.CreatedAt.ToString("O") };
        switch (task.StateAt(state.Time.GetUtcNow()))
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
                // docs.dev.runwayml.com/errors/task-failures: SAFETY.INPUT.* and INPUT_PREPROCESSING.SAFETY.* are moderation;
                // odd seeds get the preprocessing form so both reach the adapter.
                body["status"] = "FAILED";
                body["failureCode"] = task.Outcome != TaskOutcome.Moderated ? "INTERNAL.BAD_OUTPUT.CODE01"
                    : task.Seed % 2 == 0 ? "SAFETY.INPUT.TEXT" : "INPUT_PREPROCESSING.SAFETY.TEXT";
                body["failure"] = task.Outcome == TaskOutcome.Moderated ? "The prompt was flagged by content moderation." : "An unexpected error occurred.";
                break;
        }

        return body;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context)
    {
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        var issues = new JsonArray();
        var model = json.Field("model").AsText();
        var prompt = json.Field("promptText").AsText();
        var ratio = json.Field("ratio").AsText();
        var duration = json.Field("duration").AsInt();
        var seed = json.Field("seed");
        Check(issues, model is not null && Models.Contains(model), "model", "Invalid enum value");
        Check(issues, prompt is { Length: >= 1 and <= 1000 }, "promptText", "String must contain at least 1 and at most 1000 character(s)");
        Check(issues, ratio is "1280:720" or "720:1280", "ratio", "Invalid enum value. Expected '1280:720' | '720:1280'");
        Check(issues, duration is >= 2 and <= 10 && json.Field("duration").AsText() is null, "duration", "Expected an integer from 2 to 10");
        Check(issues, seed is null || seed.AsLong() is >= 0 and <= uint.MaxValue, "seed", "Expected an integer from 0 to 4294967295");
        if (issues.Count > 0)
        {
            return SimulatorState.Json(new JsonObject { ["error"] = "Validation of body failed", ["issues"] = issues }, StatusCodes.Status400BadRequest);
        }

        var task = state.Create(ProviderIds.Runway, Guid.NewGuid().ToString(), prompt!, seed.AsLong() ?? 0, duration!.Value,
            ratio == "720:1280" ? AspectRatios.Portrait : AspectRatios.Landscape, null, null, model!);
        return state.LoseResponse(ProviderIds.Runway, context) ? Results.Empty : SimulatorState.Json(new JsonObject { ["id"] = task.Id });
    }

    private static void Check(JsonArray issues, bool ok, string path, string message)
    {
        if (!ok)
        {
            issues.Add(new JsonObject { ["path"] = new JsonArray(path), ["message"] = message });
        }
    }

    private static IResult? Authorize(HttpRequest request) =>
        !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? Error(StatusCodes.Status401Unauthorized, "Unauthorized")
        : request.Headers["X-Runway-Version"] != "2024-11-06" ? Error(StatusCodes.Status400BadRequest, "The X-Runway-Version header is required")
        : null;

    private static IResult Error(int status, string message) => SimulatorState.Json(new JsonObject { ["error"] = message }, status);
}
