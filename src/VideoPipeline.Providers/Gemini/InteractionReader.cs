using System.Text.Json.Nodes;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// Reads an Interaction resource (googleapis/python-genai google/genai/_gaos/types/interactions/interaction.py,
/// modeloutputstep.py, videocontent.py, error.py, status.py; snapshot 66807187): <c>id</c>; <c>status</c> one of
/// queued, in_progress, requires_action, completed, failed, cancelled, incomplete, budget_exceeded; the video as
/// <c>output_video {type:"video", uri, mime_type}</c> or as video content of a <c>model_output</c> step; errors as
/// <c>errors: [{code: "&lt;URI naming the error type&gt;", message}]</c> and a step's <c>error</c> (google.rpc.Status
/// with <c>details</c>). Not confirmed: how a safety block is reported. We read it by code, never by message: an
/// error-type URI whose last segment, or an ErrorInfo <c>reason</c>, is one of the Gemini API's block reasons
/// (ai.google.dev/api/generate-content FinishReason / BlockReason: SAFETY, PROHIBITED_CONTENT, BLOCKLIST, SPII, IMAGE_SAFETY).
/// </summary>
internal static class InteractionReader
{
    private static readonly HashSet<string> BlockReasons = ["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY"];

    /// <summary>The provider code of an interaction that completed without a video URI.</summary>
    public const string NoVideo = "no_video";

    /// <summary>The interaction's id when it is one we may put in a URL path; otherwise null.</summary>
    public static string? Id(JsonNode? interaction) => interaction.Field("id").AsText() is { } id && IsId(id) ? id : null;

    /// <summary>True for an interaction id without path tricks (it goes into v1beta/interactions/{id}).</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 256 && id is not ("." or "..")
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static (ProviderTaskState State, IReadOnlyList<Uri>? Urls, ProviderFailure? Failure) Read(JsonNode? interaction)
    {
        if (interaction is not JsonObject || interaction.Field("status").AsText() is not { } status)
        {
            throw new ProviderCallException(ProviderFailures.Malformed("the interaction is not a JSON object with a status"));
        }

        switch (status)
        {
            case "queued":
                return (ProviderTaskState.Queued, null, null);
            case "completed":
                return VideoUri(interaction) is { } url
                    ? (ProviderTaskState.Succeeded, [url], null)
                    : (ProviderTaskState.Failed, null, ProviderFailures.TaskFailed("the interaction completed without a video URI", NoVideo));
            case "failed":
                return (ProviderTaskState.Failed, null, Failure(interaction));
            case "cancelled":
                return (ProviderTaskState.Failed, null, ProviderFailures.Cancelled("the interaction was cancelled", status));
            case "incomplete" or "budget_exceeded":
                return (ProviderTaskState.Failed, null, Failure(interaction) is { } why && why.Kind == ProviderFailureKind.Moderation
                    ? why : ProviderFailures.TaskFailed($"the interaction ended {status.Replace('_', ' ')} without a video", status));
            case "requires_action":
                // A function call or similar: a video interaction without tools should never ask, and we cannot answer.
                return (ProviderTaskState.Failed, null, ProviderFailures.TaskFailed("the interaction asks for an action this pipeline does not take", status));
            default:
                // in_progress, and statuses added after the SDK we read (its enum is open): still working.
                return (ProviderTaskState.Running, null, null);
        }
    }

    private static Uri? VideoUri(JsonNode interaction)
    {
        var uri = interaction.Field("output_video").Field("uri").AsText();
        if (uri is null)
        {
            foreach (var step in interaction.Field("steps").Items())
            {
                foreach (var content in step.Field("content").Items())
                {
                    uri = content.Field("type").AsText() == "video" ? content.Field("uri").AsText() ?? uri : uri;
                }
            }
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out var url) ? url : null;
    }

    private static ProviderFailure Failure(JsonNode interaction)
    {
        var errors = interaction.Field("errors").Items().ToList();
        var stepErrors = interaction.Field("steps").Items().Select(s => s.Field("error")).OfType<JsonObject>().ToList();
        var message = errors.Select(e => e.Field("message").AsText()).Concat(stepErrors.Select(e => e.Field("message").AsText())).OfType<string>().FirstOrDefault()
            ?? "the interaction failed";

        var codes = errors.Select(e => LastSegment(e.Field("code").AsText()))
            .Concat(stepErrors.SelectMany(e => e.Field("details").Items()).Select(d => d.Field("reason").AsText()?.ToUpperInvariant()))
            .OfType<string>().ToList();
        if (codes.FirstOrDefault(BlockReasons.Contains) is { } blocked)
        {
            return ProviderFailures.Moderated(message, blocked);
        }

        if (stepErrors.Select(e => e.Field("code").AsInt()).OfType<int>().FirstOrDefault() is var rpc and > 0)
        {
            return ProviderFailures.TaskFailed(message, $"rpc_{rpc}", transient: GoogleRpc.IsRetryable(rpc));
        }

        return codes.FirstOrDefault() is { } code
            ? ProviderFailures.TaskFailed(message, code, transient: GoogleRpc.IsRetryable(code))
            : ProviderFailures.TaskFailed(message, "failed");
    }

    /// <summary>"https://…/errors/safety" → "SAFETY"; a bare code is upper-cased.</summary>
    private static string? LastSegment(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.TrimEnd('/').Split('/', '#', ':')[^1].ToUpperInvariant();
}
