using System.Globalization;
using VideoPipeline.Media;
using Xunit;

namespace VideoPipeline.TestSupport;

/// <summary>
/// Renders small clips with ffmpeg: a clean reference (testsrc2: moving, detailed, steady) and the
/// same content with one defect each, so a metric that moves between them moves because of the defect.
/// </summary>
public static class TestClips
{
    public const int Width = 640;
    public const int Height = 360;
    public const double Seconds = 3;

    public static FfmpegTools Tools { get; } = FfmpegTools.Locate();

    /// <summary>ffmpeg lavfi sources: the clean clip, and the same content with one defect each.</summary>
    public static IReadOnlyDictionary<string, string> Defects { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clean"] = Source(),
        ["black"] = Source() + ",drawbox=c=black:t=fill:enable='between(t,1,2)'",
        ["frozen"] = Source() + ",trim=duration=0.5,tpad=stop_mode=clone:stop_duration=2.5",
        ["flicker"] = Source() + ",eq=brightness='0.25*mod(n,2)-0.12':eval=frame",
        ["blurred"] = Source() + ",gblur=sigma=5",
        // Halfway through, another moving scene: a hard cut (a negated or mirrored testsrc2 barely changes its luma).
        ["cut"] = $"{Source(seconds: Seconds / 2)}[a];{Source(seconds: Seconds / 2, pattern: "testsrc")}[b];[a][b]concat=n=2[out0]",
    };

    public static string Source(int width = Width, int height = Height, double seconds = Seconds, string pattern = "testsrc2") =>
        Invariant($"{pattern}=s={width}x{height}:r=24:d={seconds}");

    /// <summary>Renders a lavfi graph to H.264; <paramref name="crf"/> sets the quality (x264's default is 23; 51 is the worst it has).</summary>
    public static Task RenderAsync(string path, string lavfiSource, int? crf = null) =>
        RunAsync(["-f", "lavfi", "-i", lavfiSource, "-c:v", "libx264", "-preset", "veryfast", .. crf is { } q ? new[] { "-crf", Invariant($"{q}") } : [], "-pix_fmt", "yuv420p", "-movflags", "+faststart", path]);

    /// <summary>A still image panned slowly for <paramref name="seconds"/>, e.g. a portrait, so faces are real and move smoothly.</summary>
    public static Task RenderStillAsync(string image, string path, double seconds = Seconds) =>
        RunAsync(
            "-loop", "1", "-framerate", "24", "-t", Invariant($"{seconds}"), "-i", image,
            "-vf", Invariant($"scale=1280:-2,crop={Width}:{Height}:'(iw-{Width})/2+20*t':'(ih-{Height})/4',setsar=1"),
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", path);

    public static async Task TruncateAsync(string source, string path, double keep)
    {
        var bytes = await File.ReadAllBytesAsync(source);
        await File.WriteAllBytesAsync(path, bytes.AsMemory(0, (int)(bytes.Length * keep)).ToArray());
    }

    private static async Task RunAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync(Tools.Ffmpeg, ["-hide_banner", "-v", "error", "-y", .. args], TimeSpan.FromSeconds(120));
        Assert.True(result.Succeeded, $"ffmpeg failed rendering a test clip: {result.StandardError}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
