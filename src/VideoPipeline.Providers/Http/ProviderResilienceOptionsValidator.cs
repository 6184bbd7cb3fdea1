using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Http;

/// <summary>Fails start-up with every bad <c>Providers:Resilience</c> setting named.</summary>
public sealed class ProviderResilienceOptionsValidator : IValidateOptions<ProviderResilienceOptions>
{
    private const string S = ProviderResilienceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProviderResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(ProviderResilienceOptions o)
    {
        if (o.MaxRetries is < 0 or > 10)
        {
            yield return $"{S}:MaxRetries must be 0 to 10; got {o.MaxRetries}";
        }

        if (o.BaseDelay <= TimeSpan.Zero || o.BaseDelay > o.MaxDelay)
        {
            yield return $"{S}:BaseDelay must be more than 0 and at most MaxDelay; got {o.BaseDelay}";
        }

        if (o.AttemptTimeout <= TimeSpan.Zero)
        {
            yield return $"{S}:AttemptTimeout must be more than 0; got {o.AttemptTimeout}";
        }
    }
}
