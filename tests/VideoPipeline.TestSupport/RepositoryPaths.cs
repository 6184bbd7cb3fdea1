namespace VideoPipeline.TestSupport;

/// <summary>Finds files of the repository from a test's output folder, wherever the clone is.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VideoPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"VideoPipeline.sln not found above {AppContext.BaseDirectory}: tests must run from a clone of the repository.");
    }
}
