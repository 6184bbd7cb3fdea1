namespace VideoPipeline.Providers.Local;

/// <summary>Section <c>Providers:Local</c>: where rendered clips go and how big they are.</summary>
public sealed class LocalProviderOptions
{
    public const string SectionName = "Providers:Local";

    /// <summary>Folder for rendered clips; empty means a <c>videopipeline-local</c> folder under the temp folder.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Render at most this many pixels on the short side (0 = the requested resolution); small is fast.</summary>
    public int MaxShortSide { get; set; }

    public int FramesPerSecond { get; set; } = 24;

    internal string EffectiveOutputDirectory =>
        string.IsNullOrWhiteSpace(OutputDirectory) ? Path.Combine(Path.GetTempPath(), "videopipeline-local") : OutputDirectory;
}
