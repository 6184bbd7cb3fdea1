namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// What one shot asks of a model. <paramref name="MaxExtraSeconds"/> is how much longer than asked a clip may be
/// and still pass scoring's duration check (Scoring:DurationToleranceSeconds, 1 s by default): a model that can
/// only make longer clips would be paid for and then disqualified, so it is not routed to.
/// </summary>
public sealed record ShotRequirements(
    int DurationSeconds,
    string Resolution,
    string AspectRatio,
    bool ImageInput = false,
    bool NeedsAudio = false,
    int MaxExtraSeconds = 1);
