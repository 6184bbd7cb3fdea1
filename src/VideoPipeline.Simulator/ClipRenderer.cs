using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Media;
using VideoPipeline.Providers.Local;

namespace VideoPipeline.Simulator;

/// <summary>Renders each succeeded task's MP4 once with ffmpeg (shape from the task's aspect ratio) and keeps it for downloads.</summary>
internal sealed class ClipRenderer(SimulatorOptions options, CancellationToken stopping)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _clips = new(StringComparer.Ordinal);
    private readonly FfmpegTools _ffmpeg = FfmpegTools.Locate(options.Ffmpeg);

    public string OutputDirectory { get; } = CreateDirectory(options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), $"vp-simulator-{Guid.NewGuid():N}"));

    public Task<string> ClipAsync(SimulatedTask task) =>
        _clips.GetOrAdd(task.Id, _ => new Lazy<Task<string>>(() => RenderAsync(task))).Value;

    /// <summary>Removes the output folder when the simulator made it.</summary>
    public void Clean()
    {
        if (options.OutputDirectory is not null)
        {
            return;
        }

        try
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A download may still hold a file; the OS temp cleaner gets it.
        }
    }

    private static string CreateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        return path;
    }

    private async Task<string> RenderAsync(SimulatedTask task)
    {
        var path = Path.Combine(OutputDirectory, $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(task.Id)))[..24]}.mp4");
        var shortSide = options.RenderShortSide;
        var (width, height) = task.AspectRatio switch
        {
            AspectRatios.Portrait => (shortSide, Even(shortSide * 16 / 9)),
            AspectRatios.Square => (shortSide, shortSide),
            _ => (Even(shortSide * 16 / 9), shortSide),
        };
        await SyntheticClipRenderer.RenderAsync(_ffmpeg, path, task.Prompt, task.Seed, width, height, task.DurationSeconds, options.RenderFramesPerSecond, stopping);
        return path;

        static int Even(int v) => v / 2 * 2;
    }
}
