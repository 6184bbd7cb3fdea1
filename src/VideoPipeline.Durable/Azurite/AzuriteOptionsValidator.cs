using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable.Azurite;

public sealed class AzuriteOptionsValidator : IValidateOptions<AzuriteOptions>
{
    private const string S = AzuriteOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzuriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!options.InMemory && (string.IsNullOrWhiteSpace(options.DataDirectory) || !Path.IsPathFullyQualified(options.DataDirectory)))
        {
            problems.Add($"{S}:DataDirectory must be an absolute folder path (was '{options.DataDirectory}')");
        }

        if (!string.IsNullOrWhiteSpace(options.ScriptPath) && !File.Exists(options.ScriptPath))
        {
            problems.Add($"{S}:ScriptPath names a file that does not exist: {options.ScriptPath}");
        }

        if (options.StartTimeout <= TimeSpan.Zero || options.StartTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{S}:StartTimeout must be between 0 and 10 minutes (was {options.StartTimeout})");
        }

        if (options.StopTimeout < TimeSpan.Zero || options.StopTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{S}:StopTimeout must be between 0 and 5 minutes (was {options.StopTimeout})");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
