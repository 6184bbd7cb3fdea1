using System.Globalization;

namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// The clip lengths a model makes: a set (Veo 4/6/8 s, Kling 5/10 s) or a whole-second range (Runway 2–10 s).
/// A request is served by the shortest length that is at least as long as asked; longer than the longest is impossible.
/// </summary>
public sealed record DurationRule
{
    private DurationRule(IReadOnlyList<int>? allowed, int min, int max)
    {
        Allowed = allowed;
        Min = min;
        Max = max;
    }

    /// <summary>The lengths offered when the model takes a set; null for a range.</summary>
    public IReadOnlyList<int>? Allowed { get; }

    public int Min { get; }

    public int Max { get; }

    public static DurationRule OneOf(params int[] seconds)
    {
        if (seconds.Length == 0 || seconds.Any(s => s <= 0))
        {
            throw new ArgumentException("a duration set needs positive lengths", nameof(seconds));
        }

        var sorted = seconds.Distinct().Order().ToArray();
        return new DurationRule(sorted, sorted[0], sorted[^1]);
    }

    public static DurationRule Range(int min, int max) =>
        min > 0 && max >= min ? new DurationRule(null, min, max) : throw new ArgumentOutOfRangeException(nameof(max), $"bad duration range {min}–{max}");

    /// <summary>The length the model would make for <paramref name="requestedSeconds"/>, or null when it cannot make one that long.</summary>
    public int? OutputFor(int requestedSeconds)
    {
        if (requestedSeconds > Max)
        {
            return null;
        }

        return Allowed is null ? Math.Max(requestedSeconds, Min) : Allowed.First(s => s >= requestedSeconds);
    }

    /// <summary>e.g. <c>4, 6, 8 s</c> or <c>2–10 s</c>.</summary>
    public string Describe() =>
        Allowed is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} s")
            : string.Join(", ", Allowed.Select(s => s.ToString(CultureInfo.InvariantCulture))) + " s";

    public override string ToString() => Describe();
}
