using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Pricing;

/// <summary>Fails start-up with every bad <c>Providers:Pricing</c> setting named.</summary>
public sealed class PriceTableOptionsValidator : IValidateOptions<PriceTableOptions>
{
    private const string S = PriceTableOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PriceTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(PriceTableOptions o)
    {
        foreach (var (provider, models) in o.Rates)
        {
            foreach (var (model, rate) in models)
            {
                if (rate < 0)
                {
                    yield return $"{S}:Rates:{provider}:{model} must not be negative; got {rate}";
                }
            }
        }
    }
}
