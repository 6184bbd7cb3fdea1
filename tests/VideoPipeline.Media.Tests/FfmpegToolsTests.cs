using VideoPipeline.Media;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Media.Tests;

public sealed class FfmpegToolsTests
{
    [Fact]
    public void A_missing_ffmpeg_is_reported_with_how_to_install_it()
    {
        using var empty = new TempDirectory();

        var ex = Assert.Throws<FfmpegNotFoundException>(() => FfmpegTools.Locate(pathVariable: empty.Path));

        Assert.Equal($"ffmpeg and ffprobe not found on PATH: {FfmpegTools.InstallHint}.", ex.Message);
        Assert.Contains("apt-get install ffmpeg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_is_reported_even_when_PATH_has_the_tool()
    {
        var ex = Assert.Throws<FfmpegNotFoundException>(() => FfmpegTools.Locate(new FfmpegOptions { FfprobePath = "/nonexistent/ffprobe" }));

        Assert.Equal($"ffprobe not found at Ffmpeg:FfprobePath ('/nonexistent/ffprobe'): {FfmpegTools.InstallHint}.", ex.Message);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task Ffmpeg_on_this_machine_renders_a_clip_ffprobe_can_read()
    {
        var tools = FfmpegTools.Locate();
        using var dir = new TempDirectory();
        var clip = dir.File("clip.mp4");

        var render = await ProcessRunner.RunAsync(tools.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", clip],
            TimeSpan.FromMinutes(1));
        var probe = await ProcessRunner.RunAsync(tools.Ffprobe,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_frames", "-of", "csv=p=0", clip],
            TimeSpan.FromMinutes(1));

        Assert.True(render.Succeeded, render.StandardError);
        Assert.Equal("320,180,25", probe.StandardOutput.Trim());
    }
}
