using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Cli.Commands;

/// <summary>One catalogue model in <c>providers --json</c>, flattened for scripts (stage: <c>ga</c>, <c>preview</c>, <c>retired</c>).</summary>
public sealed record ModelReport(
    string Model,
    string? Mode,
    string Stage,
    string Lifecycle,
    DateOnly? ShutdownOn,
    string? Successor,
    string Durations,
    IReadOnlyList<int>? AllowedSeconds,
    int MinSeconds,
    int MaxSeconds,
    IReadOnlyList<string> Resolutions,
    IReadOnlyList<string> AspectRatios,
    bool TextToVideo,
    bool ImageToVideo,
    bool Audio,
    decimal UsdPerSecond,
    IReadOnlyDictionary<string, decimal>? UsdPerSecondByResolution,
    int MinimumBilledSeconds,
    int BilledIncrementSeconds,
    bool ChargesFailures,
    bool ChargesModeration,
    string Callbacks,
    string Source)
{
    public static ModelReport Of(ModelEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var can = entry.Can;
        return new ModelReport(
            entry.Model, entry.Mode, entry.Lifecycle.StageAt(now).ToString().ToLowerInvariant(), entry.Lifecycle.Describe(now),
            entry.Lifecycle.ShutdownOn, entry.Lifecycle.Successor,
            can.DurationsByResolution is { Count: > 0 } byResolution
                ? $"{can.Durations.Describe()} ({string.Join(", ", byResolution.Select(r => $"{r.Key}: {r.Value.Describe()}"))})"
                : can.Durations.Describe(),
            can.Durations.Allowed, can.Durations.Min, can.Durations.Max, can.Resolutions, can.AspectRatios,
            can.TextToVideo, can.ImageToVideo, can.Audio,
            entry.Billing.UsdPerSecond, entry.Billing.UsdPerSecondByResolution, entry.Billing.MinimumSeconds, entry.Billing.IncrementSeconds,
            entry.Billing.ChargesFailures, entry.Billing.ChargesModeration, entry.Callbacks.Describe(), entry.Source);
    }
}
