using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// The port the workflows route through: which configured, available, non-retired models can make a shot and
/// what each would cost.
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
}
