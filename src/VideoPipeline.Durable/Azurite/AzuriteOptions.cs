namespace VideoPipeline.Durable.Azurite;

/// <summary>The Azurite a local host starts when no storage is configured (section <c>Azurite</c>).</summary>
public sealed class AzuriteOptions
{
    public const string SectionName = "Azurite";

    /// <summary>Where Azurite keeps its data between runs; a per-user folder by default, so a job survives a restart.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Azurite's entry script; found under <c>node_modules/azurite</c> above the working or program folder when empty.</summary>
    public string? ScriptPath { get; set; }

    /// <summary>Keep everything in memory and nothing on disk (tests, throwaway runs).</summary>
    public bool InMemory { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful stop may take; Azurite flushes its data files when it stops.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public static string DefaultDataDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(root))
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }

        if (string.IsNullOrWhiteSpace(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "videopipeline", "azurite");
    }
}
