namespace VideoPipeline.TestSupport;

/// <summary>Locates ffmpeg and ffprobe; tests that render or measure video call <see cref="Require"/> first.</summary>
public static class Ffmpeg
{
    public const string InstallHint = "install it with `apt-get install ffmpeg` (Debian/Ubuntu) or run `bash scripts/test.sh`, which installs it";

    /// <summary>Full paths of ffmpeg and ffprobe, or an exception that says how to install them.</summary>
    public static (string Ffmpeg, string Ffprobe) Require(string? pathVariable = null)
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var ffmpeg = Find("ffmpeg", pathVariable);
        var ffprobe = Find("ffprobe", pathVariable);
        var missing = new[] { ("ffmpeg", ffmpeg), ("ffprobe", ffprobe) }.Where(t => t.Item2 is null).Select(t => t.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join(" and ", missing)} not found on PATH: {InstallHint}.");
        }

        return (ffmpeg!, ffprobe!);
    }

    private static string? Find(string tool, string pathVariable)
    {
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
