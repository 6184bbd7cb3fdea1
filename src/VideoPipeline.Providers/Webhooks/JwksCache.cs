using Microsoft.IdentityModel.Tokens;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>
/// A JSON Web Key Set fetched from a URL and kept for <paramref name="lifetime"/>. A token naming an unknown key
/// may force a refresh, but at most once per <paramref name="minRefreshInterval"/>: an unauthenticated caller
/// cannot make us download as often as it likes. A download has one deadline, headers and body
/// (<paramref name="fetchTimeout"/>), and a size cap; when it fails, the keys already held stay in use and the
/// caller gets the reason instead of an exception.
/// </summary>
public sealed class JwksCache(HttpClient http, Uri jwksUrl, TimeProvider time, TimeSpan lifetime, TimeSpan minRefreshInterval, TimeSpan fetchTimeout)
{
    /// <summary>A key set is a few kilobytes; anything near this is not one.</summary>
    public const int MaxBytes = 256 * 1024;

    public static readonly TimeSpan DefaultMinRefreshInterval = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private JsonWebKeySet? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastAttempt;
    private DateTimeOffset? _lastForcedRefresh;
    private string? _lastError;

    public JwksCache(HttpClient http, Uri jwksUrl, TimeProvider time, TimeSpan lifetime)
        : this(http, jwksUrl, time, lifetime, DefaultMinRefreshInterval, DefaultFetchTimeout)
    {
    }

    /// <summary>Downloads so far (for tests and diagnostics).</summary>
    public int Downloads { get; private set; }

    /// <summary>The keys, or why there are none. <paramref name="refresh"/> asks for a fresh download (rate limited).</summary>
    public async Task<(JsonWebKeySet? Keys, string? Error)> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var stale = _keys is null || now - _fetchedAt > lifetime;
            var forced = refresh && !stale && (_lastForcedRefresh is not { } last || now - last >= minRefreshInterval);

            // After a failed download, wait the refresh interval before trying again: a broken endpoint is not hammered.
            var mayRetry = _lastAttempt is not { } attempt || _lastError is null || now - attempt >= minRefreshInterval;
            if ((stale && mayRetry) || forced)
            {
                if (forced)
                {
                    _lastForcedRefresh = now;
                }

                await FetchAsync(now, cancellationToken);
            }

            return _keys is not null ? (_keys, null) : (null, $"the JWKS is unavailable: {_lastError ?? "not fetched"}");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _lastAttempt = now;
        Downloads++;
        using var deadline = new CancellationTokenSource(fetchTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.GetAsync(jwksUrl, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                _lastError = $"the JWKS endpoint answered {(int)response.StatusCode}";
                return;
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                _lastError = "the JWKS is larger than a key set can be";
                return;
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await body.ReadAsync(chunk, linked.Token)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    _lastError = "the JWKS is larger than a key set can be";
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            _keys = new JsonWebKeySet(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            _fetchedAt = now;
            _lastError = null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _lastError = $"the JWKS endpoint did not answer within {fetchTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or System.Text.Json.JsonException or Polly.Timeout.TimeoutRejectedException)
        {
            _lastError = $"the JWKS could not be read ({ex.GetType().Name})";
        }
    }
}
