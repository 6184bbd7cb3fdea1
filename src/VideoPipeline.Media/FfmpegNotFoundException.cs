namespace VideoPipeline.Media;

/// <summary>ffmpeg or ffprobe is not installed or not where configuration says; the message says how to fix it.</summary>
public sealed class FfmpegNotFoundException : Exception
{
    public FfmpegNotFoundException()
    {
    }

    public FfmpegNotFoundException(string message)
        : base(message)
    {
    }

    public FfmpegNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
