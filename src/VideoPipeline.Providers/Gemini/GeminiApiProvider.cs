using Microsoft.Extensions.Logging;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// What every adapter on the Gemini API shares: the key as <c>x-goog-api-key</c> on API requests, and on a download hop
/// only when it is on the API host (result URIs are Files API downloads there, redirecting to Google's content hosts,
/// which must never get the key).
/// </summary>
public abstract class GeminiApiProvider(HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, ILogger logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    public const string ApiKeyHeader = "x-goog-api-key";

    protected abstract GeminiApiOptions GeminiOptions { get; }

    protected sealed override RemoteProviderOptions Options => GeminiOptions;

    protected sealed override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ApiKeyHeader, GeminiOptions.ApiKey);
        return ValueTask.CompletedTask;
    }

    protected sealed override void AuthorizeDownload(HttpRequestMessage request)
    {
        if (IsApiHost(request.RequestUri))
        {
            request.Headers.Add(ApiKeyHeader, GeminiOptions.ApiKey);
        }
    }
}
