using System.Net;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Downloads;

/// <summary>
/// Streams a provider's result: https only (loopback http only when the provider's options allow it for
/// the simulator), host on the provider's allow-list, redirects followed by hand so every hop is checked,
/// size capped, and a body that goes <see cref="RemoteProviderOptions.BodyTimeout"/> without a byte fails. The adapter's authorize callback runs for every hop and adds credentials only for its own hosts.
/// </summary>
public sealed class ResultDownloader(HttpClient http, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public const string HttpClientName = "provider-downloads";
    private const int MaxRedirects = 5;

    public async Task<Stream> OpenAsync(
        Uri url,
        RemoteProviderOptions options,
        Action<HttpRequestMessage>? authorize,
        CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            EnsureAllowed(current, options);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            authorize?.Invoke(request); // the adapter adds credentials only for its own hosts

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new ProviderCallException(ProviderFailures.DownloadFailed($"the result host did not answer ({ex.HttpRequestError})", transient: true), ex);
            }
            catch (Exception ex) when (ex is Polly.Timeout.TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new ProviderCallException(ProviderFailures.Timeout("the result host did not answer in time"), ex);
            }

            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location;
                response.Dispose();
                current = location is null ? throw new ProviderCallException(ProviderFailures.DownloadFailed("a redirect without a Location", transient: false))
                    : location.IsAbsoluteUri ? location
                    : Uri.TryCreate(current, location, out var next) ? next
                    : throw new ProviderCallException(ProviderFailures.DownloadFailed("a redirect to an unreadable Location", transient: false));
                continue;
            }

            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw new ResultUrlExpiredException($"result URL answered {(int)response.StatusCode}");
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new ProviderCallException(ProviderFailures.DownloadFailed($"result download answered {status}", transient: status >= 500, $"http_{status}"));
            }

            if (response.Content.Headers.ContentLength > options.MaxResultBytes)
            {
                response.Dispose();
                throw TooLarge(options.MaxResultBytes);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new CappedStream(body, response, options.MaxResultBytes, options.BodyTimeout, _time);
        }

        throw new ProviderCallException(ProviderFailures.DownloadFailed($"more than {MaxRedirects} redirects", transient: false));
    }

    /// <summary>Throws unless <paramref name="url"/> may be downloaded under <paramref name="options"/>.</summary>
    public static void EnsureAllowed(Uri url, RemoteProviderOptions options)
    {
        var loopbackAllowed = options.AllowLoopbackForTesting && url.IsLoopback;
        if (url.Scheme != Uri.UriSchemeHttps && !(loopbackAllowed && url.Scheme == Uri.UriSchemeHttp))
        {
            throw Refused($"scheme '{url.Scheme}' is not https");
        }

        if (loopbackAllowed)
        {
            return;
        }

        var host = url.IdnHost;
        foreach (var allowed in options.EffectiveResultHosts)
        {
            var match = allowed.StartsWith('.')
                ? host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase) || string.Equals(host, allowed[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                return;
            }
        }

        throw Refused($"host '{host}' is not on the allow-list");
    }

    internal static ProviderCallException TooLarge(long cap) =>
        new(ProviderFailures.ResultTooLarge($"result is larger than {cap} bytes"));

    private static ProviderCallException Refused(string why) =>
        new(ProviderFailures.ResultUrlRefused($"result URL refused: {why}"));

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
