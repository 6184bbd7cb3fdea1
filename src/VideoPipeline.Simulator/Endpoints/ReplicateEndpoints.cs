using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Replicate's predictions API (replicate.com/docs/reference/http): POST /v1/models/{owner}/{name}/predictions
/// → a prediction (201); GET /v1/predictions/{id}. Errors are problem details ({title, detail, status}); an unknown
/// model is 404, input the model cannot take is 422 with <c>invalid_fields</c>. The webhook gets the terminal
/// prediction, Standard Webhooks signed; the simulator honours <c>webhook_events_filter</c> by sending
/// <c>completed</c> only. Moderated predictions fail with Replicate's E005 "flagged as sensitive" error.
/// </summary>
internal static class ReplicateEndpoints
{
    private static readonly ProviderDialect Dialect = new(
        ProviderIds.Replicate,
        request => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? null : Problem(StatusCodes.Status401Unauthorized, "Unauthenticated", "You did not pass a valid authentication token"),
        (status, message) => Problem(status, status == StatusCodes.Status429TooManyRequests ? "Request was throttled." : status == StatusCodes.Status404NotFound ? "Not found" : "Error", message));

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/replicate/v1");
        group.MapPost("/models/{owner}/{name}/predictions", (Delegate)((HttpContext context) =>
            SubmitAsync(state, context, $"{context.Request.RouteValues["owner"]}/{context.Request.RouteValues["name"]}")));
        group.MapGet("/predictions/{id}", (Delegate)((HttpContext context) => Get(state, context, context.Request.RouteValues["id"] as string ?? string.Empty)));
    }

    private static IResult Get(SimulatorState state, HttpContext context, string id) =>
        state.Gate(Dialect, context, isSubmit: false)
        ?? (state.Tasks.Find(ProviderIds.Replicate, id) is { } task
            ? SimulatorState.Json(Prediction(state, task, task.StateAt(state.Time.GetUtcNow())))
            : Dialect.NotFound("The requested resource could not be found."));

    /// <summary>The prediction object as the API and the webhook carry it, at <paramref name="at"/>.</summary>
    internal static JsonObject Prediction(SimulatorState state, SimulatedTask task, SimulatedState at)
    {
        var api = new Uri(state.BaseUrl, $"replicate/v1/predictions/{task.Id}");
        var prediction = new JsonObject
        {
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["version"] = "hidden",
            ["input"] = new JsonObject { ["prompt"] = task.Prompt, ["duration"] = task.DurationSeconds, ["aspect_ratio"] = task.AspectRatio },
            ["logs"] = string.Empty,
            ["output"] = null,
            ["error"] = null,
            ["data_removed"] = false,
            ["created_at"] = task.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["urls"] = new JsonObject { ["get"] = api.ToString(), ["cancel"] = api + "/cancel", ["web"] = $"https://replicate.com/p/{task.Id}" },
        };
        switch (at)
        {
            case SimulatedState.Queued:
                prediction["status"] = "starting";
                break;
            case SimulatedState.Running:
                prediction["status"] = "processing";
                prediction["started_at"] = task.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
                break;
            case SimulatedState.Succeeded:
                prediction["status"] = "succeeded";
                prediction["output"] = state.ResultUrl(task).ToString();
                prediction["completed_at"] = task.CompletesAt.ToString("O", CultureInfo.InvariantCulture);
                prediction["metrics"] = new JsonObject { ["predict_time"] = (task.CompletesAt - task.CreatedAt).TotalSeconds };
                break;
            default:
                prediction["status"] = "failed";
                prediction["error"] = task.Outcome == TaskOutcome.Moderated
                    ? "The input or output was flagged as sensitive. Please try again with different inputs. (E005)"
                    : "The model failed to generate a video.";
                prediction["completed_at"] = task.CompletesAt.ToString("O", CultureInfo.InvariantCulture);
                break;
        }

        return prediction;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context, string model)
    {
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        // Only the models the catalogue lists for Replicate exist here; any other path is Replicate's 404.
        if (ModelCatalog.Find(ProviderIds.Replicate, model) is not { } entry)
        {
            return Dialect.NotFound("The requested resource could not be found.");
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        var input = json.Field("input");
        var prompt = input.Field("prompt").AsText();
        var duration = input.Field("duration").AsInt() ?? 8;
        var aspect = input.Field("aspect_ratio").AsText() ?? AspectRatios.Landscape;
        var resolution = input.Field("resolution").AsText() ?? Resolutions.P720;
        var invalid = new List<string>();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            invalid.Add("input: prompt is required");
        }

        if (entry.Can.DurationsAt(resolution).Allowed is { } allowed && !allowed.Contains(duration))
        {
            invalid.Add($"input.duration: duration must be one of the following: {string.Join(", ", allowed)}");
        }

        if (!entry.Can.AspectRatios.Contains(aspect))
        {
            invalid.Add($"input.aspect_ratio: aspect_ratio must be one of the following: {string.Join(", ", entry.Can.AspectRatios.Select(a => $"\"{a}\""))}");
        }

        if (!entry.Can.Resolutions.Contains(resolution))
        {
            invalid.Add($"input.resolution: resolution must be one of the following: {string.Join(", ", entry.Can.Resolutions.Select(r => $"\"{r}\""))}");
        }

        if (invalid.Count > 0)
        {
            var problem = ProblemBody(StatusCodes.Status422UnprocessableEntity, "Input validation failed", string.Join("\n", invalid.Select(i => "- " + i)));
            problem["invalid_fields"] = new JsonArray([.. invalid.Select(i => (JsonNode)new JsonObject { ["type"] = "invalid", ["field"] = i.Split(':')[0], ["description"] = i })]);
            return SimulatorState.Json(problem, StatusCodes.Status422UnprocessableEntity);
        }

        var webhook = Uri.TryCreate(json.Field("webhook").AsText(), UriKind.Absolute, out var url) ? url : null;
        var completedOnly = json.Field("webhook_events_filter").Items().Select(e => e.AsText()).Contains("completed");
        var task = state.Create(ProviderIds.Replicate, Id(), prompt!, input.Field("seed").AsLong() ?? 0, duration, aspect,
            webhook is not null && completedOnly ? webhook : null, null, model);
        return state.LoseResponse(ProviderIds.Replicate, context) ? Results.Empty
            : SimulatorState.Json(Prediction(state, task, SimulatedState.Queued), StatusCodes.Status201Created);
    }

    // Replicate's prediction ids are 26 lower-case base-32 characters (e.g. "ufawqhfynnddngldkgtslldrkq").
    private static string Id()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bytes = RandomNumberGenerator.GetBytes(26);
        return string.Concat(bytes.Select(b => alphabet[b % 32]));
    }

    private static IResult Problem(int status, string title, string detail) => SimulatorState.Json(ProblemBody(status, title, detail), status);

    private static JsonObject ProblemBody(int status, string title, string detail) =>
        new() { ["title"] = title, ["detail"] = detail, ["status"] = status };
}
