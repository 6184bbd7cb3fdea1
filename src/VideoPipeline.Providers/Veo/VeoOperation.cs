using System.Text.Json.Nodes;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Reads a Veo long-running operation, the same on the Gemini API and Vertex AI apart from where the
/// samples sit. A safety block is <c>done</c> with no samples and <c>raiMediaFilteredCount</c> &gt; 0.
/// </summary>
internal static class VeoOperation
{
    public static (ProviderTaskState State, IReadOnlyList<Uri>? Urls, ProviderFailure? Failure) Read(JsonNode? operation, Func<JsonNode?, IReadOnlyList<Uri>> samples)
    {
        if (operation?["done"]?.GetValue<bool>() != true)
        {
            return (ProviderTaskState.Running, null, null);
        }

        if (operation["error"] is { } error)
        {
            var code = error["code"]?.GetValue<int>() ?? 2;

            // google.rpc.Code: RESOURCE_EXHAUSTED 8, ABORTED 10, INTERNAL 13, UNAVAILABLE 14, DEADLINE_EXCEEDED 4 may pass on a new try.
            var kind = code is 4 or 8 or 10 or 13 or 14 ? ProviderFailureKind.Transient : ProviderFailureKind.Permanent;
            return (ProviderTaskState.Failed, null, new ProviderFailure(kind, $"rpc_{code}", error["message"]?.GetValue<string>() ?? "the operation failed"));
        }

        var response = operation["response"];
        var urls = samples(response);
        if (urls.Count > 0)
        {
            return (ProviderTaskState.Succeeded, urls, null);
        }

        var filtered = Find(response, "raiMediaFilteredCount")?.GetValue<int>() ?? 0;
        var reasons = Find(response, "raiMediaFilteredReasons")?.AsArray().Select(r => r?.GetValue<string>()).OfType<string>().ToList() ?? [];
        return filtered > 0
            ? (ProviderTaskState.Failed, null, new ProviderFailure(ProviderFailureKind.Moderation, "rai_media_filtered", reasons.Count > 0 ? string.Join("; ", reasons) : "the samples were filtered by Veo's safety filters"))
            : (ProviderTaskState.Failed, null, new ProviderFailure(ProviderFailureKind.Permanent, "no_samples", "the operation finished without samples"));
    }

    /// <summary>The field at the response root or one level down (Gemini nests it in generateVideoResponse).</summary>
    private static JsonNode? Find(JsonNode? response, string name) =>
        response?[name] ?? response?.AsObject().Select(p => p.Value is JsonObject o ? o[name] : null).FirstOrDefault(n => n is not null);
}
