using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Veo;

/// <summary>
/// Veo on Vertex AI: POST …/publishers/google/models/{model}:predictLongRunning → operation name; poll
/// with POST …:fetchPredictOperation {operationName}. No callbacks (timer path). Outputs are gs:// objects
/// (read through storage.googleapis.com with the same token) or inline base64 when no storage URI is set.
/// </summary>
public sealed class VeoVertexProvider(
    HttpClient http,
    ResultDownloader downloader,
    PriceTable prices,
    TimeProvider time,
    IOptions<VeoVertexOptions> options,
    ILogger<VeoVertexProvider> logger,
    IGoogleAccessTokenProvider? tokens = null)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    private const string InlinePrefix = "data:video/mp4;base64,";
    private string? _downloadToken;

    public override string Id => ProviderIds.VeoVertex;

    protected override RemoteProviderOptions Options => options.Value;

    public override async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["aspectRatio"] = request.AspectRatio,
            ["resolution"] = request.Resolution,
            ["durationSeconds"] = Math.Clamp(request.DurationSeconds, 4, 8),
            ["sampleCount"] = 1,
            ["seed"] = request.Seed & uint.MaxValue,
        };
        if (request.NegativePrompt is { } negative)
        {
            parameters["negativePrompt"] = negative;
        }

        if (options.Value.StorageUri is { } storage)
        {
            parameters["storageUri"] = storage;
        }

        var body = new JsonObject { ["instances"] = new JsonArray(new JsonObject { ["prompt"] = request.Prompt }), ["parameters"] = parameters };
        return await SubmitAsync(ModelUrl(request.Model, "predictLongRunning"), body, json => json?["name"]?.GetValue<string>(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        var model = ModelOf(taskId);
        var json = await PostReadAsync(ModelUrl(model, "fetchPredictOperation"), new JsonObject { ["operationName"] = taskId }, cancellationToken);
        var (state, urls, failure) = VeoOperation.Read(json, response =>
            response?["videos"]?.AsArray().Select(v => v?["gcsUri"]?.GetValue<string>() is { } gcs ? FromGcs(gcs)
                : v?["bytesBase64Encoded"] is not null ? new Uri(InlinePrefix + "inline") : null).OfType<Uri>().ToList() ?? []);
        return Observed(taskId, state, urls, failure);
    }

    protected override async Task<Stream> OpenSucceededAsync(ProviderTaskStatus status, CancellationToken cancellationToken)
    {
        if (status.ResultUrls is [{ Scheme: "data" }, ..])
        {
            // Inline output: fetch the operation once more and decode the sample.
            var json = await PostReadAsync(ModelUrl(ModelOf(status.TaskId), "fetchPredictOperation"), new JsonObject { ["operationName"] = status.TaskId }, cancellationToken);
            var encoded = json?["response"]?["videos"]?[0]?["bytesBase64Encoded"]?.GetValue<string>()
                ?? throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Permanent, "no_result", "inline sample missing"));
            var bytes = Convert.FromBase64String(encoded);
            return bytes.LongLength > options.Value.MaxResultBytes ? throw ResultDownloader.TooLarge(options.Value.MaxResultBytes) : new MemoryStream(bytes, writable: false);
        }

        _downloadToken = tokens is null ? null : await tokens.GetTokenAsync(cancellationToken);
        return await base.OpenSucceededAsync(status, cancellationToken);
    }

    protected override async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var provider = tokens ?? throw new ProviderCallException(new ProviderFailure(
            ProviderFailureKind.Permanent, "not_configured", "veo-vertex needs an IGoogleAccessTokenProvider registered by the host"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await provider.GetTokenAsync(cancellationToken));
    }

    protected override void AuthorizeDownload(HttpRequestMessage request)
    {
        if (_downloadToken is not null && request.RequestUri is { Host: "storage.googleapis.com" })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _downloadToken);
        }
    }

    private Uri ModelUrl(string? model, string verb)
    {
        var o = options.Value;
        return Api($"v1/projects/{o.ProjectId}/locations/{o.Location}/publishers/google/models/{model ?? o.Model}:{verb}");
    }

    /// <summary>Operation names embed the model: projects/p/locations/l/publishers/google/models/{model}/operations/{id}.</summary>
    private static string? ModelOf(string operationName)
    {
        var parts = operationName.Split('/');
        var index = Array.IndexOf(parts, "models");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }

    private static Uri? FromGcs(string gcsUri)
    {
        if (!gcsUri.StartsWith("gs://", StringComparison.Ordinal))
        {
            return ParseUrl(gcsUri);
        }

        var path = gcsUri["gs://".Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : new Uri($"https://storage.googleapis.com/{path[..slash]}/{string.Join('/', path[(slash + 1)..].Split('/').Select(Uri.EscapeDataString))}");
    }
}
