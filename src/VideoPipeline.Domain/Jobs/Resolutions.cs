namespace VideoPipeline.Domain.Jobs;

/// <summary>Output resolutions, named by their short side as providers name them.</summary>
public static class Resolutions
{
    public const string P720 = "720p";
    public const string P1080 = "1080p";
    public const string Default = P1080;

    public static IReadOnlyList<string> All { get; } = [P720, P1080];

    /// <summary>Pixel size of <paramref name="resolution"/> at <paramref name="aspectRatio"/>, e.g. 1080p 9:16 is 1080×1920.</summary>
    public static (int Width, int Height) Dimensions(string resolution, string aspectRatio)
    {
        var shortSide = resolution switch
        {
            P720 => 720,
            P1080 => 1080,
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown resolution"),
        };
        var longSide = shortSide * 16 / 9;
        return aspectRatio switch
        {
            AspectRatios.Landscape => (longSide, shortSide),
            AspectRatios.Portrait => (shortSide, longSide),
            AspectRatios.Square => (shortSide, shortSide),
            _ => throw new ArgumentOutOfRangeException(nameof(aspectRatio), aspectRatio, "unknown aspect ratio"),
        };
    }
}
