using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VideoPipeline.Media;

namespace VideoPipeline.Providers.Local;

/// <summary>
/// Renders a real, text-free H.264 MP4 whose look is derived from the prompt and seed: ffmpeg's
/// <c>gradients</c> source with colours, rotation speed and seed taken from SHA-256(prompt, seed).
/// Same inputs give the same clip; another seed gives a visibly different one. Used by the Local
/// provider and by the provider simulator.
/// </summary>
public static class SyntheticClipRenderer
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static async Task RenderAsync(
        FfmpegTools tools, string outputPath, string prompt, long seed, int width, int height, int seconds, int fps, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prompt}\n{seed.ToString(CultureInfo.InvariantCulture)}"));
        string Color(int i) => $"0x{hash[i]:X2}{hash[i + 1]:X2}{hash[i + 2]:X2}";
        var gradientSeed = BitConverter.ToUInt32(hash, 12);
        var speed = (0.01 + (hash[16] / 255.0 * 0.05)).ToString("0.0000", CultureInfo.InvariantCulture);
        // Gradients are smooth, so drawing them at a quarter size and scaling up looks the same and
        // renders about four times faster (a 5 s 720p clip in well under a second here). The quarter size is rounded to
        // even numbers, so its shape can differ from the clip's (40×22 for 160×90): setsar=1 keeps the pixels square, or
        // scale would keep the draft's display aspect and scoring would disqualify the clip for its shape.
        var (drawWidth, drawHeight) = (Math.Max(16, width / 4 / 2 * 2), Math.Max(16, height / 4 / 2 * 2));
        var source = string.Create(CultureInfo.InvariantCulture,
            $"gradients=s={drawWidth}x{drawHeight}:r={fps}:d={seconds}:n=4:c0={Color(0)}:c1={Color(3)}:c2={Color(6)}:c3={Color(9)}:seed={gradientSeed}:speed={speed},scale={width}:{height}:flags=fast_bilinear,setsar=1,format=yuv420p");
        var temp = outputPath + ".part";
        var result = await ProcessRunner.RunAsync(
            tools.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source,
             "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart", "-f", "mp4", temp],
            DefaultTimeout,
            cancellationToken);
        if (!result.Succeeded)
        {
            File.Delete(temp);
            throw new InvalidOperationException($"ffmpeg could not render a {width}x{height} clip (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }

        File.Move(temp, outputPath, overwrite: true); // readers never see a half-written file
    }
}
