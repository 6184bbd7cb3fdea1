using Microsoft.IdentityModel.Tokens;

namespace VideoPipeline.Providers.Webhooks;

/// <summary>A JSON Web Key Set fetched from a URL and kept for <paramref name="lifetime"/>; refreshed early when a token names an unknown key.</summary>
public sealed class JwksCache(HttpClient http, Uri jwksUrl, TimeProvider time, TimeSpan lifetime)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JsonWebKeySet? _keys;
    private DateTimeOffset _fetchedAt;

    public async Task<JsonWebKeySet> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_keys is null || refresh || time.GetUtcNow() - _fetchedAt > lifetime)
            {
                var json = await http.GetStringAsync(jwksUrl, cancellationToken);
                _keys = new JsonWebKeySet(json);
                _fetchedAt = time.GetUtcNow();
            }

            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }
}
