using Microsoft.Extensions.Options;

namespace VideoPipeline.Workflows;

public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    private const string S = PipelineOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)))
        {
            problems.Add($"{S}:PublicBaseUrl must be an absolute https URL (http only on loopback), was '{url}'");
        }

        if (options.MaxParallelShots is < 1 or > 50)
        {
            problems.Add($"{S}:MaxParallelShots must be between 1 and 50 (was {options.MaxParallelShots})");
        }

        if (options.MaxAttemptsPerSlot is < 1 or > 5)
        {
            problems.Add($"{S}:MaxAttemptsPerSlot must be between 1 and 5 (was {options.MaxAttemptsPerSlot})");
        }

        if (options.MaxReviewRounds is < 1 or > 10)
        {
            problems.Add($"{S}:MaxReviewRounds must be between 1 and 10 (was {options.MaxReviewRounds})");
        }

        foreach (var (provider, first) in options.FirstCheck)
        {
            if (first <= TimeSpan.Zero || first > TimeSpan.FromHours(1))
            {
                problems.Add($"{S}:FirstCheck:{provider} must be between 0 and 1 hour (was {first})");
            }
        }

        if (options.DefaultFirstCheck <= TimeSpan.Zero || options.LongestCheckInterval < options.DefaultFirstCheck)
        {
            problems.Add($"{S}:DefaultFirstCheck must be positive and at most {S}:LongestCheckInterval");
        }

        if (options.CandidateDeadline < TimeSpan.FromSeconds(10) || options.CandidateDeadline > TimeSpan.FromDays(1))
        {
            problems.Add($"{S}:CandidateDeadline must be between 10 seconds and 1 day (was {options.CandidateDeadline})");
        }

        if (options.MaxResultBytes < 1024)
        {
            problems.Add($"{S}:MaxResultBytes must be at least 1024 (was {options.MaxResultBytes})");
        }

        if (options.CallbackSecret is { Length: > 0 } secret && !IsSecret(secret))
        {
            problems.Add($"{S}:CallbackSecret must be whsec_ followed by base64 of at least 24 bytes");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsSecret(string secret)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[6..], bytes, out var written) && written >= 24;
    }
}
