namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// A model's lifecycle: its stage, the date its provider shuts it down (or did), and the model that replaces it.
/// <see cref="Stage"/> is the stage before the shutdown; from <see cref="ShutdownOn"/> (UTC) on the model is retired.
/// </summary>
public sealed record ModelLifecycle(ModelStage Stage, DateOnly? ShutdownOn = null, string? Successor = null)
{
    public static ModelLifecycle Ga { get; } = new(ModelStage.Ga);

    public static ModelLifecycle Preview { get; } = new(ModelStage.Preview);

    /// <summary>A model its provider shuts down (or shut down) on <paramref name="date"/>; until then it is <paramref name="before"/>.</summary>
    public static ModelLifecycle RetiredOn(DateOnly date, string? successor = null, ModelStage before = ModelStage.Ga) => new(before, date, successor);

    /// <summary>The stage on <paramref name="now"/>: retired from the shutdown date on.</summary>
    public ModelStage StageAt(DateTimeOffset now) =>
        Stage == ModelStage.Retired || (ShutdownOn is { } day && DateOnly.FromDateTime(now.UtcDateTime) >= day) ? ModelStage.Retired : Stage;

    public bool IsRetiredAt(DateTimeOffset now) => StageAt(now) == ModelStage.Retired;

    /// <summary>e.g. <c>GA</c>, <c>preview</c>, <c>retired 2026-09-24 (successor gemini-omni-1.1-flash)</c>.</summary>
    public string Describe(DateTimeOffset now)
    {
        var stage = StageAt(now);
        var text = stage switch
        {
            ModelStage.Ga => "GA",
            ModelStage.Preview => "preview",
            _ => "retired",
        };
        if (ShutdownOn is { } day)
        {
            text += stage == ModelStage.Retired ? $" {day:yyyy-MM-dd}" : $", shuts down {day:yyyy-MM-dd}";
        }

        return Successor is null || stage != ModelStage.Retired ? text : $"{text} (successor {Successor})";
    }
}
