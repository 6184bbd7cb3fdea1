using System.Text.Json.Nodes;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Gemini;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Reads a Veo long-running operation, the same on the Gemini API and Vertex AI apart from where the
/// samples sit. A safety block is <c>done</c> with no samples and <c>raiMediaFilteredCount</c> &gt; 0.
/// </summary>
internal static class VeoOperation
{
    public static (ProviderTaskState State, IReadOnlyList<Uri>? Urls, ProviderFailure? Failure) Read(JsonNode? operation, Func<JsonNode?, IReadOnlyList<Uri>> samples)
    {
        var done = operation.Field("done").AsBool();
        if (done is null && operation is not JsonObject)
        {
            throw new ProviderCallException(ProviderFailures.Malformed("the operation is not a JSON object"));
        }

        if (done != true)
        {
            return (ProviderTaskState.Running, null, null);
        }

        if (operation.Field("error") is JsonObject error)
        {
            var code = error.Field("code").AsInt() ?? 2;
            var message = error.Field("message").AsText() ?? "the operation failed";

            // google.rpc.Code: DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, ABORTED 10, INTERNAL 13, UNAVAILABLE 14 may pass on a new try;
            // NOT_FOUND 5 on a model is a retired or unknown model.
            var failure = GoogleRpc.IsRetryable(code) ? ProviderFailures.TaskFailed(message, $"rpc_{code}", transient: true)
                : ProviderFailures.TaskFailed(message, $"rpc_{code}");
            return (ProviderTaskState.Failed, null, failure);
        }

        var response = operation.Field("response");
        var urls = samples(response);
        if (urls.Count > 0)
        {
            return (ProviderTaskState.Succeeded, urls, null);
        }

        var filtered = Find(response, "raiMediaFilteredCount").AsInt() ?? 0;
        var reasons = Find(response, "raiMediaFilteredReasons").Items().Select(r => r.AsText()).OfType<string>().ToList();
        return filtered > 0
            ? (ProviderTaskState.Failed, null, ProviderFailures.Moderated(reasons.Count > 0 ? string.Join("; ", reasons) : "the samples were filtered by Veo's safety filters", "rai_media_filtered"))
            : (ProviderTaskState.Failed, null, ProviderFailures.TaskFailed("the operation finished without samples", "no_samples"));
    }

    /// <summary>The field at the response root or one level down (Gemini nests it in generateVideoResponse).</summary>
    private static JsonNode? Find(JsonNode? response, string name) =>
        response.Field(name) ?? (response as JsonObject)?.Select(p => p.Value.Field(name)).FirstOrDefault(n => n is not null);
}
