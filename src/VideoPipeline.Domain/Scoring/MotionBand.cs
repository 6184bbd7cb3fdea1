namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// The range of mean motion (8-bit luma levels per frame, on VMAF motion's scale) a good shot sits in. Inside it motion is not penalised; below it the
/// clip is too static, above it too chaotic, each in proportion to the distance from the edge.
/// </summary>
public sealed record MotionBand(double Low, double High)
{
    public static MotionBand Default { get; } = new(0.5, 16);

    /// <summary>0 inside the band, negative outside it (−1 for a completely static clip).</summary>
    public double Goodness(double motion) =>
        motion < Low ? -(Low - motion) / Low
        : motion > High ? -(motion - High) / High
        : 0;
}
