namespace VideoPipeline.Scoring.Probing;

/// <summary>What ffprobe says about a file's first video stream. <see cref="DeclaredFrames"/> is null when the container does not say.</summary>
public sealed record VideoProbe(string Codec, int Width, int Height, double SampleAspect, double DurationSeconds, double FramesPerSecond, long? DeclaredFrames)
{
    public double DisplayAspect => Width * SampleAspect / Height;
}
