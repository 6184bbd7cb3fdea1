using System.Text.RegularExpressions;

namespace VideoPipeline.Providers.Fal;

/// <summary>
/// fal endpoint ids and request ids as they go into URLs. An endpoint id is <c>owner/app[/path]</c>; the queue takes
/// submits at the whole id but status and results at <c>owner/app</c> only ("subpath … should be used when making the
/// request, but not when getting request status or results", fal.ai/docs/documentation/model-apis/inference/queue;
/// fal-js <c>parseEndpointId</c> keeps owner and alias for the queue URLs).
/// </summary>
internal static partial class FalModels
{
    /// <summary>The app (<c>owner/app</c>) of a well-formed endpoint id, or false.</summary>
    public static bool TryParse(string? model, out string app)
    {
        app = string.Empty;
        if (string.IsNullOrEmpty(model) || model.Length > 200)
        {
            return false;
        }

        var segments = model.Split('/');
        if (segments.Length < 2 || !segments.All(s => Segment().IsMatch(s)))
        {
            return false;
        }

        app = $"{segments[0]}/{segments[1]}";
        return true;
    }

    /// <summary>The input shape a model takes; null for a model this adapter does not know the inputs of.</summary>
    public static FalInput? InputOf(string app) => app switch
    {
        "fal-ai/veo3.1" => FalInput.Veo,
        "fal-ai/kling-video" => FalInput.Kling,
        _ => null,
    };

    /// <summary>fal request ids are UUIDs; anything else never goes into a URL.</summary>
    public static bool IsRequestId(string? id) => id is { Length: > 0 and <= 100 } && RequestId().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestId();
}
