namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// How a provider bills one clip of a model: USD per output second (optionally by resolution), a minimum,
/// and the increment billed seconds round up to; and whether a failed or moderated task is charged.
/// </summary>
public sealed record BillingRule
{
    public required decimal UsdPerSecond { get; init; }

    /// <summary>Prices that differ by output resolution (<c>720p</c> → 0.14); other resolutions pay <see cref="UsdPerSecond"/>.</summary>
    public IReadOnlyDictionary<string, decimal>? UsdPerSecondByResolution { get; init; }

    /// <summary>The fewest seconds a clip is billed (Kling bills 5 s for anything shorter).</summary>
    public int MinimumSeconds { get; init; } = 1;

    /// <summary>Billed seconds round up to a multiple of this (1 = whole seconds).</summary>
    public int IncrementSeconds { get; init; } = 1;

    /// <summary>True when the provider's docs say a task that fails on its side is still charged.</summary>
    public bool ChargesFailures { get; init; }

    /// <summary>True when a prompt or output refused by the provider's safety system is still charged.</summary>
    public bool ChargesModeration { get; init; }

    public static BillingRule PerSecond(decimal usdPerSecond) => new() { UsdPerSecond = usdPerSecond };

    public decimal RateFor(string resolution) =>
        UsdPerSecondByResolution is { } byResolution && byResolution.TryGetValue(resolution, out var rate) ? rate : UsdPerSecond;

    /// <summary>The seconds the provider bills for a clip of <paramref name="outputSeconds"/>.</summary>
    public int BilledSeconds(int outputSeconds)
    {
        var increment = Math.Max(1, IncrementSeconds);
        var rounded = (outputSeconds + increment - 1) / increment * increment;
        return Math.Max(MinimumSeconds, rounded);
    }
}
