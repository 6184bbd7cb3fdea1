using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>
/// The calibration set: short 480×270 clips (the defects show at that size) from content that
/// differs in motion, texture and brightness, and per defect class a ladder of known severities.
/// </summary>
public static class DefectLadders
{
    public const int CleanCrf = 18;
    public const double Seconds = 2;

    /// <summary>Different content: synthetic test card, a fractal zoom, cellular life on a dark ground, colour bars panning.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["testsrc2"] = "testsrc2=s=480x270:r=24:d=2",
        ["mandelbrot"] = "mandelbrot=s=480x270:r=24,trim=duration=2",
        ["life"] = "life=s=160x90:r=24:seed=7:mold=10:ratio=0.3:death_color=#203040:life_color=#e0d090,scale=480:270:flags=neighbor,trim=duration=2",
        ["bars"] = "smptehdbars=s=960x540:r=24:d=2,crop=480:270:'240+100*sin(2*t)':'135+60*cos(2*t)'",
    };

    private static readonly string[] All = [.. Sources.Keys];

    public static IReadOnlyList<DefectClass> Classes { get; } =
    [
        new("compression", MetricNames.Quantiser, All, _ => [new(Severity.Mild, "", 36), new(Severity.Clear, "", 44), new(Severity.Severe, "", 51)]),
        new("stutter", MetricNames.EffectiveFps, All, _ => [new(Severity.Mild, "fps=16,fps=24"), new(Severity.Clear, "fps=8,fps=24"), new(Severity.Severe, "fps=6,fps=24")]),
        new("noise", MetricNames.TemporalNoise, All, _ => [new(Severity.Mild, "noise=alls=6:allf=t"), new(Severity.Clear, "noise=alls=14:allf=t"), new(Severity.Severe, "noise=alls=28:allf=t")]),
        new("bars", MetricNames.ActiveArea, All, i =>
        [
            new(Severity.Mild, "scale=480:240,pad=480:270:0:15,setsar=1"),
            // 2.39:1 letterbox for half the sources, 4:3 pillarbox for the others: both about 75 % of the frame.
            new(Severity.Clear, i % 2 == 0 ? "scale=480:200,pad=480:270:0:35,setsar=1" : "scale=360:270,pad=480:270:60:0,setsar=1"),
            new(Severity.Severe, "scale=384:216,pad=480:270:48:27,setsar=1"),
        ]),
        new("washed out", MetricNames.LumaRange, All, _ => [new(Severity.Mild, "eq=contrast=0.6"), new(Severity.Clear, "eq=contrast=0.4"), new(Severity.Severe, "eq=contrast=0.25")]),
        // A gain clips large areas of bright content; life is left out: its picture is mostly a dark
        // ground that a gain brightens without clipping (washed-out and range readings see that).
        new("overexposed", MetricNames.ClippedHighlights, ["testsrc2", "mandelbrot", "bars"], _ =>
            [new(Severity.Mild, "lutyuv=y='clip(val*1.3,16,235)'"), new(Severity.Clear, "lutyuv=y='clip(val*1.7,16,235)'"), new(Severity.Severe, "lutyuv=y='clip(val*2.2,16,235)'")]),
        // Lowering every level crushes the dark parts to black. Mandelbrot is left out: its palette is
        // bright, so an offset dims it without crushing (the luma range reading sees that). Life's
        // ground sits just above black, so smaller offsets crush it.
        new("underexposed", MetricNames.CrushedShadows, ["testsrc2", "bars", "life"], i => i == 2
            ? [new(Severity.Mild, "lutyuv=y='clip(val-15,16,235)'"), new(Severity.Clear, "lutyuv=y='clip(val-45,16,235)'"), new(Severity.Severe, "lutyuv=y='clip(val-90,16,235)'")]
            : [new(Severity.Mild, "lutyuv=y='clip(val-35,16,235)'"), new(Severity.Clear, "lutyuv=y='clip(val-90,16,235)'"), new(Severity.Severe, "lutyuv=y='clip(val-130,16,235)'")]),
    ];

    public static string Graph(string source, Rung rung) => rung.Filter.Length == 0 ? Sources[source] : $"{Sources[source]},{rung.Filter}";
}
