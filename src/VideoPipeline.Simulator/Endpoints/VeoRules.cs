using System.Text.Json.Nodes;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// What Veo refuses, on both APIs: durationSeconds other than 4, 6 or 8, aspectRatio other than "16:9" or "9:16"
/// (ai.google.dev/gemini-api/docs/video "Veo model parameters"; cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation),
/// and on the Gemini API a seed (googleapis/python-genai google/genai/models.py refuses it outside Vertex).
/// The wording of the real error messages is not confirmed; the status (400 INVALID_ARGUMENT) is.
/// </summary>
internal static class VeoRules
{
    public static string? Refusal(JsonNode? parameters, bool seedAllowed)
    {
        var duration = parameters.Field("durationSeconds");
        if (duration is not null && duration.AsInt() is not (4 or 6 or 8))
        {
            return $"durationSeconds must be 4, 6 or 8; got {duration.ToJsonString()}.";
        }

        var aspect = parameters.Field("aspectRatio");
        if (aspect is not null && aspect.AsText() is not ("16:9" or "9:16"))
        {
            return $"aspectRatio must be 16:9 or 9:16; got {aspect.ToJsonString()}.";
        }

        return !seedAllowed && parameters.Field("seed") is not null ? "seed parameter is not supported in Gemini API." : null;
    }
}
