using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VideoPipeline.Simulator;

/// <summary>Expiring, unguessable download URLs under <c>/files/</c>, like a CDN's signed URLs.</summary>
internal sealed class ResultUrls(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string TaskId, DateTimeOffset Expires)> _urls = new(StringComparer.Ordinal);

    /// <summary>A fresh URL for the task, valid for the behaviour's lifetime (or already expired when one is due).</summary>
    public Uri For(Uri baseUrl, SimulatedTask task, SimulatedProviderBehavior behavior)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _urls[token] = (task.Id, behavior.TakeExpiredUrl() ? DateTimeOffset.MinValue : time.GetUtcNow() + behavior.ResultUrlLifetime);
        return new Uri(baseUrl, $"files/{token}.mp4");
    }

    /// <summary>The task a token names, and whether the URL has expired; null when the token is unknown.</summary>
    public (string TaskId, bool Expired)? Resolve(string token) =>
        _urls.TryGetValue(token, out var entry) ? (entry.TaskId, time.GetUtcNow() > entry.Expires) : null;
}
