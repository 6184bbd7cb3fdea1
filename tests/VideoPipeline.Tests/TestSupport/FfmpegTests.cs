using System.Diagnostics;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Tests.TestSupport;

public sealed class FfmpegTests
{
    [Fact]
    public void A_missing_ffmpeg_is_reported_with_how_to_install_it()
    {
        using var empty = new TempDirectory();

        var ex = Assert.Throws<InvalidOperationException>(() => Ffmpeg.Require(empty.Path));

        Assert.Contains("ffmpeg and ffprobe not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install ffmpeg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task Ffmpeg_on_this_machine_renders_a_clip_ffprobe_can_read()
    {
        var (ffmpeg, ffprobe) = Ffmpeg.Require();
        using var dir = new TempDirectory();
        var clip = dir.File("clip.mp4");

        await RunAsync(ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", clip);
        var probe = await RunAsync(ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_frames", "-of", "csv=p=0", clip);

        Assert.Equal("320,180,25", probe.Trim());
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
