namespace VideoPipeline.TestSupport;

/// <summary>Trait values: <c>dotnet test --filter Category!=Integration</c> runs the fast unit subset alone.</summary>
public static class TestCategories
{
    public const string Key = "Category";

    /// <summary>Needs a real external part: Azurite, ffmpeg, a child process, a loopback server.</summary>
    public const string Integration = "Integration";
}
