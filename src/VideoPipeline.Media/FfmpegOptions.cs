namespace VideoPipeline.Media;

/// <summary>
/// Where ffmpeg and ffprobe are; bound from the <c>Ffmpeg</c> configuration section and checked by
/// <see cref="FfmpegOptionsValidator"/>. Empty means "find on PATH".
/// </summary>
public sealed class FfmpegOptions
{
    public const string SectionName = "Ffmpeg";

    public string? FfmpegPath { get; set; }

    public string? FfprobePath { get; set; }
}
