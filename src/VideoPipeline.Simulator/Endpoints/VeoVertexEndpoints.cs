using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Veo on Vertex AI: POST …/publishers/google/models/{model}:predictLongRunning → {name}; POST
/// …:fetchPredictOperation {operationName}. Without a storageUri the video comes back inline as base64.
/// </summary>
internal static class VeoVertexEndpoints
{
    private static readonly ProviderDialect Dialect = new(
        ProviderIds.VeoVertex,
        request => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? null : VeoGeminiEndpoints.Error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"),
        (status, message) => VeoGeminiEndpoints.Error(status, message, VeoGeminiEndpoints.RpcStatus(status)));

    public static void Map(IEndpointRouteBuilder app, SimulatorState state) =>
        app.MapPost("/veo-vertex/v1/projects/{project}/locations/{location}/publishers/google/models/{modelAction}",
            (string project, string location, string modelAction, HttpContext context) => HandleAsync(state, context, project, location, modelAction));

    private static async Task<IResult> HandleAsync(SimulatorState state, HttpContext context, string project, string location, string modelAction)
    {
        var colon = modelAction.IndexOf(':', StringComparison.Ordinal);
        var (model, verb) = colon < 0 ? (modelAction, string.Empty) : (modelAction[..colon], modelAction[(colon + 1)..]);
        var isSubmit = verb == "predictLongRunning";
        if (state.Gate(Dialect, context, isSubmit) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        if (verb == "fetchPredictOperation")
        {
            var name = json.Field("operationName").AsText() ?? string.Empty;
            return state.Tasks.Find(ProviderIds.VeoVertex, name) is { } task
                ? SimulatorState.Json(await OperationAsync(state, task))
                : Dialect.NotFound("Operation not found.");
        }

        if (!isSubmit)
        {
            return Dialect.NotFound("Method not found.");
        }

        var prompt = json.Field("instances").Item(0).Field("prompt").AsText();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return VeoGeminiEndpoints.Error(400, "instances[0].prompt is required.", "INVALID_ARGUMENT");
        }

        var parameters = json.Field("parameters");
        if (VeoRules.Refusal(parameters, seedAllowed: true) is { } refusal)
        {
            return VeoGeminiEndpoints.Error(400, refusal, "INVALID_ARGUMENT");
        }

        var id = $"projects/{project}/locations/{location}/publishers/google/models/{model}/operations/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var created = state.Create(ProviderIds.VeoVertex, id, prompt, parameters.Field("seed").AsLong() ?? 0, parameters.Field("durationSeconds").AsInt() ?? 8,
            parameters.Field("aspectRatio").AsText() ?? AspectRatios.Landscape, null, null, model);
        return state.LoseResponse(ProviderIds.VeoVertex, context) ? Results.Empty : SimulatorState.Json(new JsonObject { ["name"] = created.Id });
    }

    private static async Task<JsonObject> OperationAsync(SimulatorState state, SimulatedTask task)
    {
        var at = task.StateAt(state.Time.GetUtcNow());
        var operation = new JsonObject { ["name"] = task.Id, ["done"] = at is SimulatedState.Succeeded or SimulatedState.Failed };
        if (at == SimulatedState.Succeeded)
        {
            var bytes = await File.ReadAllBytesAsync(await state.Clips.ClipAsync(task));
            operation["response"] = new JsonObject
            {
                ["@type"] = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
                ["videos"] = new JsonArray(new JsonObject { ["bytesBase64Encoded"] = Convert.ToBase64String(bytes), ["mimeType"] = "video/mp4" }),
            };
        }
        else if (at == SimulatedState.Failed && task.Outcome == TaskOutcome.Moderated)
        {
            operation["response"] = new JsonObject { ["raiMediaFilteredCount"] = 1, ["raiMediaFilteredReasons"] = new JsonArray("blocked by the safety filter") };
        }
        else if (at == SimulatedState.Failed)
        {
            operation["error"] = new JsonObject { ["code"] = 13, ["message"] = "Internal error encountered." };
        }

        return operation;
    }
}
