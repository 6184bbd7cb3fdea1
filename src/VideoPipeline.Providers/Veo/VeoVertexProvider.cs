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

    protected override long MaxJsonBytes => Math.Max(DefaultMaxJsonBytes, (options.Value.MaxResultBytes * 4 / 3) + (64 * 1024)); // inline base64 videos

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) => VeoRequest.Check(request, "Veo on Vertex AI");

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var parameters = VeoRequest.Parameters(request);
        parameters["sampleCount"] = 1;
        parameters["seed"] = request.Seed & uint.MaxValue; // Vertex takes a seed (uint32), the Gemini API does not
        if (options.Value.StorageUri is { } storage)
        {
            parameters["storageUri"] = storage;
        }

        var body = new JsonObject { ["instances"] = new JsonArray(new JsonObject { ["prompt"] = request.Prompt }), ["parameters"] = parameters };
        return await SubmitAsync(ModelUrl(request.Model, "predictLongRunning"), body, json => json?["name"]?.GetValue<string>(), cancellationToken);
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!VeoRequest.IsOperationName(taskId, "projects/"))
        {
            throw new ProviderCallException(ProviderFailures.NotFound($"'{taskId}' is not a Vertex operation name"));
        }

        var model = ModelOf(taskId);
        var json = await PostReadAsync(ModelUrl(model, "fetchPredictOperation"), new JsonObject { ["operationName"] = taskId }, cancellationToken);
        var (state, urls, failure) = VeoOperation.Read(json, response =>
            response.Field("videos").Items().Select(v => v.Field("gcsUri").AsText() is { } gcs ? FromGcs(gcs)
                : v.Field("bytesBase64Encoded").AsText() is not null ? new Uri(InlinePrefix + "inline") : null).OfType<Uri>().ToList());
        return Observed(taskId, state, urls, failure);
    }

    protected override async Task<Stream> OpenSucceededAsync(ProviderTaskStatus status, CancellationToken cancellationToken)
    {
        if (status.ResultUrls is [{ Scheme: "data" }, ..])
        {
            // Inline output: fetch the operation once more and decode the sample.
            var json = await PostReadAsync(ModelUrl(ModelOf(status.TaskId), "fetchPredictOperation"), new JsonObject { ["operationName"] = status.TaskId }, cancellationToken);
            var encoded = json.Field("response").Field("videos").Item(0).Field("bytesBase64Encoded").AsText()
                ?? throw new ProviderCallException(ProviderFailures.NoResult("inline sample missing"));
            if ((long)encoded.Length * 3 / 4 > options.Value.MaxResultBytes)
            {
                throw ResultDownloader.TooLarge(options.Value.MaxResultBytes);
            }

            var bytes = new byte[(encoded.Length * 3 / 4) + 3];
            return Convert.TryFromBase64String(encoded, bytes, out var written)
                ? new MemoryStream(bytes, 0, written, writable: false)
                : throw new ProviderCallException(ProviderFailures.Malformed("the inline sample is not base64"));
        }

        _downloadToken = tokens is null ? null : await tokens.GetTokenAsync(cancellationToken);
        return await base.OpenSucceededAsync(status, cancellationToken);
    }

    protected override async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var provider = tokens ?? throw new ProviderCallException(ProviderFailures.NotConfigured("veo-vertex needs an IGoogleAccessTokenProvider registered by the host"));
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
