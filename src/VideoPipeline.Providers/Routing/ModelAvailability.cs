using System.Collections.Concurrent;

namespace VideoPipeline.Providers.Routing;

/// <summary>
/// Models a provider said it no longer serves ("model not found", "retired"), learnt at run time: the catalogue's
/// lifecycle dates may lag behind a provider's shutdown. Kept per process, like any cache of a provider's
/// answers: each host learns it from its own first refusal, which costs nothing (a refused submit creates no task).
/// </summary>
public sealed class ModelAvailability(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Provider, string Model, string Mode), (string Reason, DateTimeOffset Since)> _unavailable = new();

    /// <summary>Marks a model unavailable; true when it was available until now.</summary>
    public bool MarkUnavailable(string providerId, string model, string? mode, string reason) =>
        _unavailable.TryAdd(Key(providerId, model, mode), (reason, time.GetUtcNow()));

    public void Restore(string providerId, string model, string? mode) => _unavailable.TryRemove(Key(providerId, model, mode), out _);

    /// <summary>Why the model is unavailable (with the time it was learnt), or null when it is not known to be.</summary>
    public string? ReasonUnavailable(string providerId, string model, string? mode) =>
        _unavailable.TryGetValue(Key(providerId, model, mode), out var mark) ? $"{mark.Reason} (reported {mark.Since:yyyy-MM-dd HH:mm} UTC)" : null;

    private static (string, string, string) Key(string providerId, string model, string? mode) =>
        (providerId.ToLowerInvariant(), model.ToLowerInvariant(), mode?.ToLowerInvariant() ?? string.Empty);
}
