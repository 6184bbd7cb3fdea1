namespace VideoPipeline.Scoring.Probing;

/// <summary>
/// What ffprobe says about a file's first video stream. <see cref="DeclaredFrames"/> is null when the container does not say;
/// <see cref="FullRange"/> is true for full-range ("pc", JPEG) luma, false for the usual limited range (16–235).
/// </summary>
public sealed record VideoProbe(string Codec, int Width, int Height, double SampleAspect, double DurationSeconds, double FramesPerSecond, long? DeclaredFrames, bool FullRange = false)
{
    public double DisplayAspect => Width * SampleAspect / Height;
}
