namespace VideoPipeline.Media;

/// <summary>Resolved paths of ffmpeg and ffprobe. <see cref="Locate"/> fails with how to install them.</summary>
public sealed record FfmpegTools(string Ffmpeg, string Ffprobe)
{
    public const string InstallHint =
        "install it with `apt-get install ffmpeg` (Debian/Ubuntu), set Ffmpeg:FfmpegPath and Ffmpeg:FfprobePath, or run `bash scripts/bootstrap.sh`";

    /// <summary>
    /// Configured paths win; otherwise both tools are looked up on <paramref name="pathVariable"/>
    /// (the process's PATH when null).
    /// </summary>
    public static FfmpegTools Locate(FfmpegOptions? options = null, string? pathVariable = null)
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var ffmpeg = Resolve("ffmpeg", options?.FfmpegPath, pathVariable);
        var ffprobe = Resolve("ffprobe", options?.FfprobePath, pathVariable);
        var missing = new[]
        {
            (Tool: "ffmpeg", Found: ffmpeg, Setting: nameof(FfmpegOptions.FfmpegPath), Configured: options?.FfmpegPath),
            (Tool: "ffprobe", Found: ffprobe, Setting: nameof(FfmpegOptions.FfprobePath), Configured: options?.FfprobePath),
        }.Where(t => t.Found is null).ToList();
        if (missing.Count > 0)
        {
            // A configured path names its setting; a tool looked up on PATH says so.
            var where = missing.All(t => string.IsNullOrWhiteSpace(t.Configured))
                ? string.Join(" and ", missing.Select(t => t.Tool)) + " not found on PATH"
                : string.Join(" and ", missing.Select(t => string.IsNullOrWhiteSpace(t.Configured)
                    ? $"{t.Tool} not found on PATH"
                    : $"{t.Tool} not found at {FfmpegOptions.SectionName}:{t.Setting} ('{t.Configured}')"));
            throw new FfmpegNotFoundException($"{where}: {InstallHint}.");
        }

        return new FfmpegTools(ffmpeg!, ffprobe!);
    }

    private static string? Resolve(string tool, string? configured, string pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? tool + ".exe" : tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
