using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Routing;

/// <summary>
/// Routes a shot to the models that can make it, from the model catalogue alone: a provider must have a
/// registered, configured adapter; a model must not be retired (by date, or as a provider reported at run
/// time) and must make the shot's length, resolution, aspect ratio and input. Every other catalogue model of an
/// allowed provider is listed as refused, with its reason, so a brief nothing can make is refused before any spend.
/// </summary>
public sealed partial class ModelRouter(
    ProviderCatalog adapters, PriceTable prices, ModelAvailability availability, TimeProvider time, ILogger<ModelRouter> logger) : IModelRouter
{
    /// <summary>The providers a named policy may route to: every known one except those shut down (named explicitly only).</summary>
    public static IReadOnlyList<string> DefaultProviders { get; } = [.. ProviderIds.All.Except(ProviderIds.Retired)];

    public IReadOnlyList<string> ProvidersFor(ProviderPolicyRequest? policy) =>
        policy?.Providers is { Count: > 0 } listed ? [.. listed.OfType<string>()]
        : policy?.Name == ProviderPolicies.Local ? [ProviderIds.Local]
        : DefaultProviders;

    public RoutePlan Route(ShotRequirements shot, IReadOnlyList<string>? providerIds = null)
    {
        ArgumentNullException.ThrowIfNull(shot);
        var now = time.GetUtcNow();
        var options = new List<RouteOption>();
        var refused = new List<RouteRefusal>();
        foreach (var providerId in providerIds ?? DefaultProviders)
        {
            var adapter = adapters.TryGet(providerId);
            var entries = ModelCatalog.Of(providerId);
            if (adapter is null || entries.Count == 0)
            {
                refused.Add(new RouteRefusal(providerId, null, adapter is null ? "no adapter is registered" : "the model catalogue lists no model"));
                continue;
            }

            if (!adapter.IsConfigured)
            {
                refused.Add(new RouteRefusal(providerId, null, "not configured (no credentials)"));
                continue;
            }

            foreach (var entry in entries)
            {
                var reason = entry.CannotMake(shot, now) ?? availability.ReasonUnavailable(providerId, entry.Model, entry.Mode);
                if (reason is not null)
                {
                    refused.Add(new RouteRefusal(providerId, entry.Name, reason));
                    continue;
                }

                var output = entry.OutputSecondsFor(shot)!.Value;
                options.Add(new RouteOption(
                    entry.ProviderId, entry.Model, entry.Mode, entry.Lifecycle.StageAt(now), output, entry.Billing.BilledSeconds(output),
                    prices.RateOf(entry.ProviderId, entry.Model, shot.Resolution, entry), entry.Billing.ChargesFailures, entry.Billing.ChargesModeration));
            }
        }

        if (options.Count == 0)
        {
            LogUnroutable(logger, shot.DurationSeconds, shot.Resolution, shot.AspectRatio, refused.Count);
        }

        // OrderBy is stable: equal prices keep the brief's provider order, then the catalogue's.
        return new RoutePlan([.. options.OrderBy(o => o.EstimatedUsd)], refused);
    }

    public bool Report(string providerId, string model, string? mode, ProviderFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!failure.Is(ProviderFailureCodes.ModelUnavailable) || !availability.MarkUnavailable(providerId, model, mode, failure.Message))
        {
            return false;
        }

        LogMarkedUnavailable(logger, providerId, model, mode ?? string.Empty, failure.ProviderCode ?? failure.Code);
        return true;
    }

    public void Restore(string providerId, string model, string? mode) => availability.Restore(providerId, model, mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} model {Model} {Mode} is unavailable ({Code}): routing around it")]
    private static partial void LogMarkedUnavailable(ILogger logger, string provider, string model, string mode, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no configured model can make a {Seconds} s {Resolution} {Aspect} shot ({Refused} refusals)")]
    private static partial void LogUnroutable(ILogger logger, int seconds, string resolution, string aspect, int refused);
}
