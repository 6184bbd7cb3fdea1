using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// The port the workflows route through: which configured, available, non-retired models can make a shot and
/// what each would cost; and where a provider's "model not found / retired" answer is reported, so later routes
/// (the slot's re-route included) go elsewhere.
/// </summary>
public interface IModelRouter
{
    /// <summary>
    /// The models of <paramref name="providerIds"/> (in brief order; null means every provider a named policy may
    /// use) that can make <paramref name="shot"/>, cheapest first, with every refusal and its reason.
    /// </summary>
    RoutePlan Route(ShotRequirements shot, IReadOnlyList<string>? providerIds = null);

    /// <summary>The providers a brief's policy allows: its explicit list, or those of a named policy.</summary>
    IReadOnlyList<string> ProvidersFor(ProviderPolicyRequest? policy);

    /// <summary>
    /// Reports how a provider answered a submit or a status read for a model: a
    /// <see cref="ProviderFailureCodes.ModelUnavailable"/> failure marks the model unavailable (until
    /// <see cref="Restore"/>) so it is no longer routed to; any other failure changes nothing. True when it marked the model.
    /// </summary>
    bool Report(string providerId, string model, string? mode, ProviderFailure failure);

    /// <summary>Makes a model reported unavailable routable again.</summary>
    void Restore(string providerId, string model, string? mode);
}
