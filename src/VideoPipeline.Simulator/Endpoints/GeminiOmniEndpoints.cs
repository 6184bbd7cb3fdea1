using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// Gemini Omni Flash through the Interactions API (googleapis/python-genai google/genai/_gaos/interactions.py and
/// _gaos/types/interactions, snapshot 66807187): POST /v1beta/interactions → an Interaction; GET
/// /v1beta/interactions/{id}; the video as a Files API URI on the API host (redirecting to the file host); errors as
/// google.rpc.Status in an envelope, like the rest of the Gemini API. It refuses what the SDK's types rule out
/// (aspect ratios but 16:9 / 9:16, resolutions but 360p–4k, an unknown model as 404 NOT_FOUND, fields the Interactions
/// API does not have, such as Veo's instances/parameters) and what the adapter must not send (background without store,
/// a duration Omni 1.1 does not make). Not confirmed: the wording of the messages, the duration spelling ("8s"), the
/// failure shapes (error-type URIs ending in the block reason, a step error with an ErrorInfo reason).
/// </summary>
internal static class GeminiOmniEndpoints
{
    /// <summary>The models served; anything else is 404 NOT_FOUND, as a retired or unknown model is.</summary>
    public static readonly IReadOnlyList<string> Models = ["gemini-omni-1.1-flash", "gemini-omni-flash-preview"];

    private static readonly ProviderDialect Dialect = VeoGeminiEndpoints.DialectFor(ProviderIds.GeminiOmni);

    private static readonly HashSet<string> Fields =
    [
        "model", "agent", "input", "background", "store", "stream", "generation_config", "response_format", "response_mime_type",
        "response_modalities", "safety_settings", "system_instruction", "tools", "previous_interaction_id", "webhook_config",
        "labels", "service_tier", "environment",
    ];

    private static readonly HashSet<string> Durations = ["4s", "6s", "8s", "10s"];

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var group = app.MapGroup("/" + ProviderIds.GeminiOmni);
        group.MapPost("/v1beta/interactions", (Func<HttpContext, Task<IResult>>)(context => CreateAsync(state, context)));
        group.MapGet("/v1beta/interactions/{id}", (string id, HttpContext context) =>
            state.Gate(Dialect, context, isSubmit: false)
            ?? (state.Tasks.Find(ProviderIds.GeminiOmni, id) is { } task
                ? SimulatorState.Json(Interaction(state, task, task.StateAt(state.Time.GetUtcNow())))
                : Dialect.NotFound($"Interaction {id} not found.")));
        VeoGeminiEndpoints.MapFiles(group, Dialect, state);
    }

    internal static JsonObject Interaction(SimulatorState state, SimulatedTask task, SimulatedState at)
    {
        var interaction = new JsonObject
        {
            ["id"] = task.Id,
            ["model"] = task.Model,
            ["created"] = task.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        switch (at)
        {
            case SimulatedState.Queued:
                interaction["status"] = "queued";
                break;
            case SimulatedState.Running:
                interaction["status"] = "in_progress";
                break;
            case SimulatedState.Succeeded:
                var uri = VeoGeminiEndpoints.SampleUri(state, task).ToString();
                interaction["status"] = "completed";
                interaction["output_video"] = new JsonObject { ["type"] = "video", ["uri"] = uri, ["mime_type"] = "video/mp4" };
                interaction["steps"] = new JsonArray(new JsonObject
                {
                    ["type"] = "model_output",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "video", ["uri"] = uri, ["mime_type"] = "video/mp4" }),
                });
                break;
            default:
                var moderated = task.Outcome == TaskOutcome.Moderated;
                var (type, rpc, message) = moderated
                    ? ("safety", 3, "The video was blocked by the safety filters.")
                    : ("internal", 13, "Internal error encountered.");
                interaction["status"] = "failed";
                interaction["errors"] = new JsonArray(new JsonObject { ["code"] = $"https://generativelanguage.googleapis.com/errors/{type}", ["message"] = message });
                var error = new JsonObject { ["code"] = rpc, ["message"] = message };
                if (moderated)
                {
                    error["details"] = new JsonArray(new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                        ["reason"] = "SAFETY",
                        ["domain"] = "generativelanguage.googleapis.com",
                    });
                }

                interaction["steps"] = new JsonArray(new JsonObject { ["type"] = "model_output", ["error"] = error });
                break;
        }

        return interaction;
    }

    private static async Task<IResult> CreateAsync(SimulatorState state, HttpContext context)
    {
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        var json = await SimulatorState.ReadJsonAsync(context);
        if (json is not JsonObject body)
        {
            return Invalid("Invalid JSON payload received.");
        }

        if (body.Select(p => p.Key).FirstOrDefault(name => !Fields.Contains(name)) is { } unknown)
        {
            return Invalid($"Invalid JSON payload received. Unknown name \"{unknown}\": Cannot find field.");
        }

        var model = body.Field("model").AsText();
        if (string.IsNullOrWhiteSpace(model))
        {
            return Invalid("model is required.");
        }

        if (!Models.Contains(model))
        {
            return VeoGeminiEndpoints.Error(404, $"models/{model} is not found for API version v1beta, or is not supported for interactions.", "NOT_FOUND");
        }

        var prompt = Prompt(body.Field("input"));
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return Invalid("input must contain text.");
        }

        if (body.Field("background").AsBool() == true && body.Field("store").AsBool() == false)
        {
            return Invalid("background interactions require store to be true.");
        }

        var format = body.Field("response_format");
        if (Refusal(format) is { } refusal)
        {
            return Invalid(refusal);
        }

        var callback = Uri.TryCreate(body.Field("webhook_config").Field("uris").Item(0).AsText(), UriKind.Absolute, out var url) ? url : null;
        var seconds = int.TryParse(format.Field("duration").AsText()?.TrimEnd('s'), out var s) ? s : 8;
        var seed = body.Field("generation_config").Field("seed").AsLong() ?? VeoGeminiEndpoints.Seed(prompt);
        var task = state.Create(ProviderIds.GeminiOmni, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), prompt, seed, seconds,
            format.Field("aspect_ratio").AsText() ?? AspectRatios.Landscape, callback, null, model);
        return state.LoseResponse(ProviderIds.GeminiOmni, context)
            ? Results.Empty
            : SimulatorState.Json(Interaction(state, task, task.StateAt(state.Time.GetUtcNow())));
    }

    /// <summary>What the video response format may not say (videoresponseformat.py; lengths of Omni 1.1 per resellers, not confirmed).</summary>
    private static string? Refusal(JsonNode? format)
    {
        if (format is not JsonObject || format.Field("type").AsText() != "video")
        {
            return "response_format must be a video format ({\"type\": \"video\", ...}) for a video model.";
        }

        return format.Field("aspect_ratio") is { } aspect && aspect.AsText() is not ("16:9" or "9:16") ? $"response_format.aspect_ratio must be 16:9 or 9:16; got {aspect.ToJsonString()}."
            : format.Field("resolution") is { } resolution && resolution.AsText() is not ("360p" or "720p" or "1080p" or "4k") ? $"response_format.resolution must be 360p, 720p, 1080p or 4k; got {resolution.ToJsonString()}."
            : format.Field("duration") is { } duration && (duration.AsText() is not { } d || !Durations.Contains(d)) ? $"response_format.duration must be 4s, 6s, 8s or 10s; got {duration.ToJsonString()}."
            : format.Field("delivery") is { } delivery && delivery.AsText() is not ("uri" or "inline") ? $"response_format.delivery must be uri or inline; got {delivery.ToJsonString()}."
            : null;
    }

    /// <summary>The text of the input: a string, or the text content blocks of a content list.</summary>
    private static string? Prompt(JsonNode? input) =>
        input.AsText() ?? string.Join("\n", input.Items().Where(c => c.Field("type").AsText() == "text").Select(c => c.Field("text").AsText()).OfType<string>());

    private static IResult Invalid(string message) => VeoGeminiEndpoints.Error(400, message, "INVALID_ARGUMENT");
}
