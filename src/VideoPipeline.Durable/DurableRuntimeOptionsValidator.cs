using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Durable;

/// <summary>Fails the host at start, naming the setting, instead of at the first orchestration.</summary>
public sealed partial class DurableRuntimeOptionsValidator : IValidateOptions<DurableRuntimeOptions>
{
    private const string S = DurableRuntimeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DurableRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        // The Azure Storage backend derives queue and table names from it (DurableTask.AzureStorage's own rule).
        if (options.TaskHubName is null || !TaskHubNamePattern().IsMatch(options.TaskHubName))
        {
            problems.Add($"{S}:TaskHubName must be 3 to 45 letters or digits starting with a letter (was '{options.TaskHubName}')");
        }

        if (!string.IsNullOrWhiteSpace(options.StorageConnectionString) && !string.IsNullOrWhiteSpace(options.StorageAccountName))
        {
            problems.Add($"{S}:StorageConnectionString and {S}:StorageAccountName are both set: choose one");
        }

        if (!string.IsNullOrWhiteSpace(options.StorageAccountName) && !AccountNamePattern().IsMatch(options.StorageAccountName))
        {
            problems.Add($"{S}:StorageAccountName must be 3 to 24 lowercase letters or digits (was '{options.StorageAccountName}')");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 100)
        {
            problems.Add($"{S}:WorkerId must be a non-empty name of at most 100 characters that stays the same across restarts");
        }

        Range(problems, "PartitionCount", options.PartitionCount, 1, 16);
        Range(problems, "MaxConcurrentActivities", options.MaxConcurrentActivities, 1, 1000);
        Range(problems, "MaxConcurrentOrchestrations", options.MaxConcurrentOrchestrations, 1, 1000);
        Range(problems, "MaxQueuePollingInterval", options.MaxQueuePollingInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));
        Range(problems, "ActivityVisibilityTimeout", options.ActivityVisibilityTimeout, TimeSpan.FromSeconds(10), TimeSpan.FromHours(2));
        Range(problems, "OrchestrationVisibilityTimeout", options.OrchestrationVisibilityTimeout, TimeSpan.FromSeconds(10), TimeSpan.FromHours(2));
        Range(problems, "StopTimeout", options.StopTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(10));

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Range<T>(List<string> problems, string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            problems.Add($"{S}:{setting} must be between {min} and {max} (was {value})");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubNamePattern();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
