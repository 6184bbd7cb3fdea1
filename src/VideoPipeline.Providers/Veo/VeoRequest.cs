using System.Text.Json.Nodes;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// What Veo takes on both the Gemini API and Vertex AI: <c>durationSeconds</c> 4, 6 or 8 and <c>aspectRatio</c>
/// "16:9" or "9:16", resolution "720p" or "1080p" (ai.google.dev/gemini-api/docs/video, "Veo model parameters";
/// cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation). A request for another
/// length gets the shortest offered one at least as long (the pipeline trims); anything Veo cannot make is
/// refused with the reason before it is sent.
/// </summary>
internal static class VeoRequest
{
    public static readonly DurationRule Durations = DurationRule.OneOf(4, 6, 8);

    public static ProviderFailure? Check(SubmissionRequest request, string what) =>
        string.IsNullOrWhiteSpace(request.Prompt) ? ProviderFailures.Unsupported($"{what} needs a non-empty prompt")
        : request.DurationSeconds < 1 || Duration(request) is null ? ProviderFailures.Unsupported($"{what} makes {Durations.Describe()}; {request.DurationSeconds} s cannot be made")
        : request.AspectRatio is not (AspectRatios.Landscape or AspectRatios.Portrait) ? ProviderFailures.Unsupported($"{what} makes 16:9 or 9:16; {request.AspectRatio} was asked")
        : request.Resolution is not (Resolutions.P720 or Resolutions.P1080) ? ProviderFailures.Unsupported($"{what} makes 720p or 1080p; {request.Resolution} was asked")
        : null;

    /// <summary>The parameters both APIs share (never seed: only Vertex takes one).</summary>
    public static JsonObject Parameters(SubmissionRequest request)
    {
        var parameters = new JsonObject
        {
            ["aspectRatio"] = request.AspectRatio,
            ["resolution"] = request.Resolution,
            ["durationSeconds"] = Duration(request) ?? Durations.Max,
        };
        if (request.NegativePrompt is { } negative)
        {
            parameters["negativePrompt"] = negative;
        }

        return parameters;
    }

    /// <summary>True for an operation name under <paramref name="root"/> without path tricks (it is put in a URL).</summary>
    public static bool IsOperationName(string taskId, string root) =>
        !string.IsNullOrWhiteSpace(taskId) && taskId.StartsWith(root, StringComparison.Ordinal) && taskId.Length < 512
        && taskId.Contains("/operations/", StringComparison.Ordinal)
        && !taskId.Split('/').Any(segment => segment is "" or "." or "..")
        && taskId.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');

    private static int? Duration(SubmissionRequest request) => Durations.OutputFor(request.DurationSeconds);
}
