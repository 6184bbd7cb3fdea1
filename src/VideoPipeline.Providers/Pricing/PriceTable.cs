using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Pricing;

/// <summary>Estimates a candidate's cost from the configured rates, falling back to built-in list prices.</summary>
public sealed class PriceTable(IOptions<PriceTableOptions> options)
{
    /// <summary>List prices (USD per output second) used when configuration names none; review them when providers change prices.</summary>
    internal static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Defaults =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.OrdinalIgnoreCase)
        {
            [ProviderIds.VeoGemini] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["veo-3.0-generate-001"] = 0.40m, ["veo-3.0-fast-generate-001"] = 0.15m, ["*"] = 0.40m },
            [ProviderIds.VeoVertex] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["veo-3.0-generate-001"] = 0.40m, ["veo-3.0-fast-generate-001"] = 0.15m, ["*"] = 0.40m },
            [ProviderIds.Runway] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["gen4.5"] = 0.12m, ["gen4_turbo"] = 0.05m, ["*"] = 0.12m },
            [ProviderIds.Kling] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["*"] = 0.07m },
            [ProviderIds.Sora] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["sora-2"] = 0.10m, ["sora-2-pro"] = 0.30m, ["*"] = 0.10m },
            [ProviderIds.Local] = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["*"] = 0m },
        };

    public PriceEstimate Estimate(string providerId, string model, int seconds) =>
        new(providerId, model, seconds, RateOf(providerId, model));

    private decimal RateOf(string providerId, string model)
    {
        if (options.Value.Rates.TryGetValue(providerId, out var configured))
        {
            if (configured.TryGetValue(model, out var rate) || configured.TryGetValue("*", out rate))
            {
                return rate;
            }
        }

        if (Defaults.TryGetValue(providerId, out var list) && (list.TryGetValue(model, out var listed) || list.TryGetValue("*", out listed)))
        {
            return listed;
        }

        throw new InvalidOperationException($"no price for provider '{providerId}' model '{model}': add {PriceTableOptions.SectionName}:Rates:{providerId}:{model}");
    }
}
