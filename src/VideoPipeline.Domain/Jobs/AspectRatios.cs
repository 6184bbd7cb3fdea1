namespace VideoPipeline.Domain.Jobs;

/// <summary>Aspect ratios a brief may ask for. Not every provider makes all three (Runway gen4.5 and Sora 2 have no 1:1), so routing must check.</summary>
public static class AspectRatios
{
    public const string Landscape = "16:9";
    public const string Portrait = "9:16";
    public const string Square = "1:1";
    public const string Default = Landscape;

    public static IReadOnlyList<string> All { get; } = [Landscape, Portrait, Square];
}
