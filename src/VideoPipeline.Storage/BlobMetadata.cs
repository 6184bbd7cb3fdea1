namespace VideoPipeline.Storage;

/// <summary>
/// Blob metadata travels as HTTP headers: keys must be C# identifiers and values ASCII. Values are stored
/// percent-encoded (RFC 3986 unreserved characters stay as they are, so "local" or "0.83" read the same in the portal)
/// and decoded on the way out, so any text round-trips.
/// </summary>
public static class BlobMetadata
{
    public static Dictionary<string, string> Encode(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ThrowIfInvalidKeys(metadata);
        return metadata.ToDictionary(pair => pair.Key, pair => Uri.EscapeDataString(pair.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An <see cref="ArgumentException"/> naming the first key Blob Storage cannot carry; lets a caller refuse before writing anything.</summary>
    public static void ThrowIfInvalidKeys(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var (key, _) in metadata)
        {
            if (!IsKey(key))
            {
                throw new ArgumentException($"metadata key '{key}' must be a C# identifier: a letter or underscore, then letters, digits or underscores", nameof(metadata));
            }
        }
    }

    public static Dictionary<string, string> Decode(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.ToDictionary(pair => pair.Key, pair => Uri.UnescapeDataString(pair.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsKey(string key) =>
        key is { Length: > 0 }
        && (char.IsAsciiLetter(key[0]) || key[0] == '_')
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
