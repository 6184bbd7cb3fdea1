using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Pricing;

/// <summary>
/// Prices a clip as its provider bills it: the billed seconds the model catalogue's rule gives for the clip the
/// model makes (<see cref="ModelCatalog"/>), × the configured rate (<c>Providers:Pricing:Rates</c>) or else the
/// catalogue's list price for the resolution.
/// </summary>
public sealed class PriceTable(IOptions<PriceTableOptions> options)
{
    /// <summary>
    /// The estimate for <paramref name="seconds"/> asked of a model. A model the catalogue does not know is billed
    /// the requested seconds, at a configured rate only.
    /// </summary>
    public PriceEstimate Estimate(string providerId, string model, int seconds, string? resolution = null, string? mode = null)
    {
        var entry = ModelCatalog.Find(providerId, model, mode);
        var billed = seconds;
        if (entry is not null)
        {
            var output = (resolution is null ? entry.Can.Durations : entry.Can.DurationsAt(resolution)).OutputFor(seconds) ?? seconds;
            billed = entry.Billing.BilledSeconds(output);
        }

        return new PriceEstimate(providerId, model, seconds, billed, RateOf(providerId, model, resolution, entry));
    }

    /// <summary>USD per second: the configured rate for the model (or the provider's <c>*</c>), else the catalogue's list price.</summary>
    public decimal RateOf(string providerId, string model, string? resolution, ModelEntry? entry)
    {
        if (options.Value.Rates.TryGetValue(providerId, out var configured)
            && (configured.TryGetValue(model, out var rate) || configured.TryGetValue("*", out rate)))
        {
            return rate;
        }

        if (entry is not null)
        {
            return resolution is null ? entry.Billing.UsdPerSecond : entry.Billing.RateFor(resolution);
        }

        throw new InvalidOperationException(
            $"no price for provider '{providerId}' model '{model}': the model catalogue does not list it; add {PriceTableOptions.SectionName}:Rates:{providerId}:{model}");
    }
}
