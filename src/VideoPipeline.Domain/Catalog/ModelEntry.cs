namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// One model of one provider, as the catalogue knows it. <see cref="Mode"/> names a variant the provider
/// prices and sizes differently under the same model name (Kling <c>std</c> / <c>pro</c>); null otherwise.
/// </summary>
public sealed record ModelEntry
{
    public required string ProviderId { get; init; }

    public required string Model { get; init; }

    public string? Mode { get; init; }

    public required ModelLifecycle Lifecycle { get; init; }

    public required ModelCapabilities Can { get; init; }

    public required BillingRule Billing { get; init; }

    public required CallbackSupport Callbacks { get; init; }

    /// <summary>Where the facts come from (official docs or SDK), and what could not be confirmed.</summary>
    public required string Source { get; init; }

    /// <summary><c>model</c> or <c>model (mode)</c>.</summary>
    public string Name => Mode is null ? Model : $"{Model} ({Mode})";

    /// <summary>The clip length this model makes for <paramref name="shot"/>, or null when it cannot.</summary>
    public int? OutputSecondsFor(ShotRequirements shot) => Can.DurationsAt(shot.Resolution).OutputFor(shot.DurationSeconds);

    /// <summary>Why this model cannot make <paramref name="shot"/> on <paramref name="now"/>, or null when it can.</summary>
    public string? CannotMake(ShotRequirements shot, DateTimeOffset now)
    {
        if (Lifecycle.IsRetiredAt(now))
        {
            return $"{Name} is {Lifecycle.Describe(now)}";
        }

        if (!Can.Resolutions.Contains(shot.Resolution))
        {
            return $"{Name} makes {string.Join("/", Can.Resolutions)} only, not {shot.Resolution}";
        }

        if (!Can.AspectRatios.Contains(shot.AspectRatio))
        {
            return $"{Name} makes {string.Join(", ", Can.AspectRatios)} only, not {shot.AspectRatio}";
        }

        if (shot.ImageInput ? !Can.ImageToVideo : !Can.TextToVideo)
        {
            return shot.ImageInput ? $"{Name} does not start from a reference image" : $"{Name} needs a reference image";
        }

        if (shot.NeedsAudio && !Can.Audio)
        {
            return $"{Name} makes no audio";
        }

        var durations = Can.DurationsAt(shot.Resolution);
        return OutputSecondsFor(shot) switch
        {
            null => $"{Name} makes {durations.Describe()} at {shot.Resolution}, not {shot.DurationSeconds} s",
            var output when output - shot.DurationSeconds > shot.MaxExtraSeconds =>
                $"{Name} makes {durations.Describe()} at {shot.Resolution}: {output} s for a {shot.DurationSeconds} s shot would fail the duration check",
            _ => null,
        };
    }
}
