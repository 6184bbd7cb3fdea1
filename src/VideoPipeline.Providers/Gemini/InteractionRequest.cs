using System.Globalization;
using System.Text.Json.Nodes;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// The create-interaction body for a video (googleapis/python-genai google/genai/_gaos/types/interactions,
/// createmodelinteraction.py, videoresponseformat.py, webhookconfig.py, generationconfig.py; snapshot 66807187,
/// 2026-08-21; the REST API spells fields in snake_case as the SDK does):
/// <code>
/// POST v1beta/interactions
/// { "model": "gemini-omni-1.1-flash", "input": "prompt" | [{"type":"text","text":…},{"type":"image","uri":…}],
///   "background": true, "store": true,
///   "response_format": {"type":"video","aspect_ratio":"16:9"|"9:16","resolution":"720p"|"1080p","duration":"8s","delivery":"uri"},
///   "generation_config": {"seed": 7},
///   "webhook_config": {"uris": ["https://…"], "user_metadata": {"correlation_id": "…"}} }
/// </code>
/// Not confirmed: the spelling of <c>duration</c> (the SDK types it as a string; we send the protobuf JSON form of a
/// Duration, "8s", as resellers of the model do), the lengths Omni 1.1 makes (4, 6, 8 or 10 s per resellers' specs),
/// and that Omni honours <c>seed</c>. There is no negative-prompt field: it goes into the text input.
/// </summary>
internal static class InteractionRequest
{
    public static readonly DurationRule Durations = DurationRule.OneOf(4, 6, 8, 10);

    public static ProviderFailure? Check(SubmissionRequest request) =>
        string.IsNullOrWhiteSpace(request.Prompt) ? ProviderFailures.Unsupported("Gemini Omni needs a non-empty prompt")
        : request.DurationSeconds < 1 || Duration(request) is null ? ProviderFailures.Unsupported($"Gemini Omni makes {Durations.Describe()}; {request.DurationSeconds} s cannot be made")
        : request.AspectRatio is not (AspectRatios.Landscape or AspectRatios.Portrait) ? ProviderFailures.Unsupported($"Gemini Omni makes 16:9 or 9:16; {request.AspectRatio} was asked")
        : request.Resolution is not (Resolutions.P720 or Resolutions.P1080) ? ProviderFailures.Unsupported($"Gemini Omni makes 720p or 1080p here; {request.Resolution} was asked")
        : null;

    public static JsonObject Body(SubmissionRequest request, string model, Uri? webhook)
    {
        var text = request.NegativePrompt is { Length: > 0 } negative ? $"{request.Prompt}\n\nAvoid: {negative}" : request.Prompt;
        JsonNode input = request.ReferenceImageUrl is { } image
            ? new JsonArray(
                new JsonObject { ["type"] = "text", ["text"] = text },
                new JsonObject { ["type"] = "image", ["uri"] = image.ToString() })
            : JsonValue.Create(text);
        var body = new JsonObject
        {
            ["model"] = model,
            ["input"] = input,

            // background runs the interaction as a long-running task that GET v1beta/interactions/{id} reads; it needs store.
            ["background"] = true,
            ["store"] = true,
            ["response_format"] = new JsonObject
            {
                ["type"] = "video",
                ["aspect_ratio"] = request.AspectRatio,
                ["resolution"] = request.Resolution,
                ["duration"] = string.Create(CultureInfo.InvariantCulture, $"{Duration(request) ?? Durations.Max}s"),

                // A URI to download, never the video inline in the JSON answer.
                ["delivery"] = "uri",
            },
            ["generation_config"] = new JsonObject { ["seed"] = request.Seed },
        };
        if (webhook is not null)
        {
            body["webhook_config"] = new JsonObject
            {
                ["uris"] = new JsonArray(webhook.ToString()),
                ["user_metadata"] = new JsonObject { ["correlation_id"] = request.CorrelationId },
            };
        }

        return body;
    }

    private static int? Duration(SubmissionRequest request) => Durations.OutputFor(request.DurationSeconds);
}
