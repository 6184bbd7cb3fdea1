namespace VideoPipeline.Scoring.Analysis;

/// <summary>
/// The sizes the analysis pass works at: the gray downscale every filter metric runs on (short side
/// <c>Scoring:AnalysisShortSide</c>, never above the source's: upscaling adds cost and nothing to
/// see), and the half-size picture tapped for the defect readings.
/// </summary>
internal sealed record AnalysisSize(int Width, int Height)
{
    public int PictureWidth => Math.Max(1, Width / 2);

    public int PictureHeight => Math.Max(1, Height / 2);

    public static AnalysisSize For(int sourceWidth, int sourceHeight, int shortSide)
    {
        var sourceShort = Math.Min(sourceWidth, sourceHeight);
        var target = Math.Max(2, Math.Min(shortSide, sourceShort) / 2 * 2);
        var longSide = Math.Max(2, (int)Math.Round((double)Math.Max(sourceWidth, sourceHeight) * target / sourceShort / 2) * 2);
        return sourceWidth >= sourceHeight ? new AnalysisSize(longSide, target) : new AnalysisSize(target, longSide);
    }
}
