using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Veo on the Gemini API: POST /v1beta/models/{model}:predictLongRunning → {name}; GET /v1beta/{name};
/// safety blocks as done operations with raiMediaFilteredCount; the JWKS of per-request webhook JWTs. Errors are
/// google.rpc.Status in an envelope: {"error": {"code", "message", "status"}} (ai.google.dev/gemini-api/docs/troubleshooting).
/// </summary>
internal static class VeoGeminiEndpoints
{
    public const string KeyHeader = "x-goog-api-key";

    private static readonly ProviderDialect Dialect = DialectFor(ProviderIds.VeoGemini);

    /// <summary>How every Gemini API endpoint refuses a missing key and shapes its errors.</summary>
    internal static ProviderDialect DialectFor(string providerId) => new(
        providerId,
        request => string.IsNullOrEmpty(request.Headers[KeyHeader]) ? Error(401, "API key not valid. Please pass a valid API key.", "UNAUTHENTICATED") : null,
        (status, message) => Error(status, message, RpcStatus(status)));

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/veo-gemini");
        group.MapPost("/v1beta/models/{modelAction}", (string modelAction, HttpContext context) => SubmitAsync(state, context, modelAction));
        group.MapGet("/v1beta/models/{model}/operations/{id}", (string model, string id, HttpContext context) =>
            state.Gate(Dialect, context, isSubmit: false)
            ?? (state.Tasks.Find(ProviderIds.VeoGemini, $"models/{model}/operations/{id}") is { } task
                ? SimulatorState.Json(Operation(state, task, task.StateAt(state.Time.GetUtcNow())))
                : Dialect.NotFound("Operation not found.")));
        group.MapGet("/jwks.json", () => Results.Text(state.Jwts.Jwks(), "application/json"));

        MapFiles(group, Dialect, state);
    }

    /// <summary>
    /// The Files API download of every Gemini API dialect: the key is checked here, then the download redirects to another
    /// host (localhost instead of 127.0.0.1), which must not receive the key.
    /// </summary>
    internal static void MapFiles(RouteGroupBuilder group, ProviderDialect dialect, SimulatorState state) =>
        group.MapGet("/v1beta/files/{fileAction}", (string fileAction, HttpContext context) =>
        {
            if (dialect.Authorize(context.Request) is { } refused)
            {
                return refused;
            }

            var token = fileAction.Split(':')[0];
            return Results.Redirect($"http://localhost:{state.BaseUrl.Port}/files/{token}.mp4");
        });

    /// <summary>A Files API download URI on the API host for the task's (expiring) clip.</summary>
    internal static Uri SampleUri(SimulatorState state, SimulatedTask task)
    {
        var token = Path.GetFileNameWithoutExtension(state.ResultUrl(task).AbsolutePath);
        return new Uri(state.BaseUrl, $"{task.ProviderId}/v1beta/files/{token}:download?alt=media");
    }

    internal static JsonObject Operation(SimulatorState state, SimulatedTask task, SimulatedState at)
    {
        var operation = new JsonObject { ["name"] = task.Id };
        switch (at)
        {
            case SimulatedState.Queued or SimulatedState.Running:
                operation["done"] = false;
                break;
            case SimulatedState.Succeeded:
                operation["done"] = true;
                operation["response"] = new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
                    ["generateVideoResponse"] = new JsonObject
                    {
                        ["generatedSamples"] = new JsonArray(new JsonObject { ["video"] = new JsonObject { ["uri"] = SampleUri(state, task).ToString() } }),
                    },
                };
                break;
            default:
                operation["done"] = true;
                if (task.Outcome == TaskOutcome.Moderated)
                {
                    operation["response"] = new JsonObject
                    {
                        ["generateVideoResponse"] = new JsonObject
                        {
                            ["raiMediaFilteredCount"] = 1,
                            ["raiMediaFilteredReasons"] = new JsonArray("The video was blocked by the safety filter."),
                        },
                    };
                }
                else
                {
                    operation["error"] = new JsonObject { ["code"] = 13, ["message"] = "Internal error encountered." };
                }

                break;
        }

        return operation;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context, string modelAction)
    {
        var colon = modelAction.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || modelAction[(colon + 1)..] != "predictLongRunning")
        {
            return Dialect.NotFound("Method not found.");
        }

        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        var prompt = json.Field("instances").Item(0).Field("prompt").AsText();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return Error(400, "instances[0].prompt is required.", "INVALID_ARGUMENT");
        }

        var parameters = json.Field("parameters");
        if (VeoRules.Refusal(parameters, seedAllowed: false) is { } refusal)
        {
            return Error(400, refusal, "INVALID_ARGUMENT");
        }

        var model = modelAction[..colon];

        // Per-request webhook: webhookConfig { uris: [...], userMetadata } at the request root (googleapis/python-genai types.py WebhookConfig).
        var callback = Uri.TryCreate(json.Field("webhookConfig").Field("uris").Item(0).AsText(), UriKind.Absolute, out var url) ? url : null;
        var task = state.Create(ProviderIds.VeoGemini, $"models/{model}/operations/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", prompt,
            Seed(prompt + json.Field("webhookConfig").Field("userMetadata")?.ToJsonString()), parameters.Field("durationSeconds").AsInt() ?? 8,
            parameters.Field("aspectRatio").AsText() ?? AspectRatios.Landscape, callback, null, model);
        return state.LoseResponse(ProviderIds.VeoGemini, context) ? Results.Empty : SimulatorState.Json(new JsonObject { ["name"] = task.Id });
    }

    /// <summary>The Gemini API takes no seed: derive one from the request so candidates still differ.</summary>
    internal static long Seed(string key) => BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>The google.rpc.Code name of an HTTP status (cloud.google.com/apis/design/errors).</summary>
    internal static string RpcStatus(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        429 => "RESOURCE_EXHAUSTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "INTERNAL",
    };

    internal static IResult Error(int code, string message, string status) =>
        SimulatorState.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }, code);
}
