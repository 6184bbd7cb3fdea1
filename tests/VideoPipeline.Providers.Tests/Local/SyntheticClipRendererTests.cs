using System.Globalization;
using VideoPipeline.Media;
using VideoPipeline.Providers.Local;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Local;

/// <summary>The clips the Local provider and the simulator render must have the shape they were asked for, or scoring disqualifies them.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SyntheticClipRendererTests : IDisposable
{
    private readonly TempDirectory _work = new("vp-render");

    [Theory]
    [InlineData(160, 90)] // drawn at 40×22 (1.818) before scaling: without square pixels the display aspect stays 1.818
    [InlineData(320, 180)]
    [InlineData(90, 160)]
    [InlineData(1280, 720)]
    public async Task A_clip_has_square_pixels_so_its_display_aspect_is_the_requested_one(int width, int height)
    {
        var tools = FfmpegTools.Locate();
        var path = Path.Combine(_work.Path, $"{width}x{height}.mp4");

        await SyntheticClipRenderer.RenderAsync(tools, path, "a paper boat", 7, width, height, seconds: 1, fps: 8, CancellationToken.None);

        var probe = await ProcessRunner.RunAsync(
            tools.Ffprobe,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,sample_aspect_ratio", "-of", "csv=p=0", path],
            TimeSpan.FromSeconds(30));
        Assert.True(probe.Succeeded, probe.StandardError);
        var fields = probe.StandardOutput.Trim().Split(',');
        Assert.Equal(width, int.Parse(fields[0], CultureInfo.InvariantCulture));
        Assert.Equal(height, int.Parse(fields[1], CultureInfo.InvariantCulture));
        Assert.Equal("1:1", fields[2]);
    }

    public void Dispose() => _work.Dispose();
}
