namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// Extra frames a scorer wants from the same decode: <paramref name="Filter"/> (applied to the
/// decoded frames at full size) should start by keeping only the frames it needs (fps=...) so it
/// scales few, and must end in packed RGB of <paramref name="Width"/>×<paramref name="Height"/>;
/// the frames land in a raw file in the work folder.
/// </summary>
internal sealed record FrameTap(string Name, string Filter, int Width, int Height)
{
    public int FrameBytes => Width * Height * 3;

    public string FileName => $"{Name}.rgb";
}
