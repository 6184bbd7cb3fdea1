using System.Net;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Downloads;

/// <summary>
/// Streams a provider's result: https only (loopback http only when the provider's options allow it for
/// the simulator), host on the provider's allow-list, redirects followed by hand so every hop is checked,
/// size capped. The adapter's authorize callback runs for every hop and adds credentials only for its own hosts.
/// </summary>
public sealed class ResultDownloader(HttpClient http)
{
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

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                response.Dispose();
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
                throw new ProviderCallException(new ProviderFailure(
                    status >= 500 ? ProviderFailureKind.Transient : ProviderFailureKind.Permanent, $"download_{status}", $"result download answered {status}"));
            }

            if (response.Content.Headers.ContentLength > options.MaxResultBytes)
            {
                response.Dispose();
                throw TooLarge(options.MaxResultBytes);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new CappedStream(body, response, options.MaxResultBytes);
        }

        throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Permanent, "too_many_redirects", $"more than {MaxRedirects} redirects"));
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
        new(new ProviderFailure(ProviderFailureKind.Permanent, "result_too_large", $"result is larger than {cap} bytes"));

    private static ProviderCallException Refused(string why) =>
        new(new ProviderFailure(ProviderFailureKind.Permanent, "result_url_refused", $"result URL refused: {why}"));

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
