using Microsoft.Extensions.Configuration;

namespace VideoPipeline.Storage.Tests;

/// <summary>Configuration from a table row: <c>"Storage:Container=clips|Storage:ConnectionString="</c>, over a valid Azurite base.</summary>
internal static class Settings
{
    public static IConfiguration Configuration(string overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var setting in overrides.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public static StorageOptions Options(string overrides)
    {
        var options = new StorageOptions();
        Configuration(overrides).GetSection(StorageOptions.SectionName).Bind(options);
        return options;
    }
}
