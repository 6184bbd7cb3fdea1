namespace VideoPipeline.Domain.Catalog;

/// <summary>What a model can make. Sizes are named as briefs name them (<see cref="Jobs.Resolutions"/>, <see cref="Jobs.AspectRatios"/>).</summary>
public sealed record ModelCapabilities
{
    public required DurationRule Durations { get; init; }

    /// <summary>Lengths that differ at one resolution (Veo 3.1 on the Gemini API makes 1080p at 8 s only).</summary>
    public IReadOnlyDictionary<string, DurationRule>? DurationsByResolution { get; init; }

    public required IReadOnlyList<string> Resolutions { get; init; }

    public required IReadOnlyList<string> AspectRatios { get; init; }

    public bool TextToVideo { get; init; } = true;

    public bool ImageToVideo { get; init; }

    /// <summary>Makes a soundtrack with the picture.</summary>
    public bool Audio { get; init; }

    public DurationRule DurationsAt(string resolution) =>
        DurationsByResolution is { } byResolution && byResolution.TryGetValue(resolution, out var rule) ? rule : Durations;
}
