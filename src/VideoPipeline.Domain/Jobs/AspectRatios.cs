namespace VideoPipeline.Domain.Jobs;

/// <summary>Aspect ratios every provider in the pipeline can produce.</summary>
public static class AspectRatios
{
    public const string Landscape = "16:9";
    public const string Portrait = "9:16";
    public const string Square = "1:1";
    public const string Default = Landscape;

    public static IReadOnlyList<string> All { get; } = [Landscape, Portrait, Square];
}
