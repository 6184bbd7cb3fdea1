namespace VideoPipeline.Domain.Providers;

/// <summary>
/// A webhook delivery as received: header names are case-insensitive, the body is the raw bytes
/// (signatures cover bytes, not parsed JSON). <paramref name="RouteToken"/> is the optional
/// <c>/api/webhooks/{provider}/{token}</c> segment.
/// </summary>
public sealed record ProviderCallback(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string? RouteToken = null)
{
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
