namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// What one candidate cost: billed seconds × the rate it was routed at, or nothing where its provider does not
/// charge for how it ended (failures and refusals as the provider's docs say; never for a submit that was refused).
/// </summary>
public sealed record CandidateCost(string ProviderId, string Model, string? Mode, CandidateOutcome Outcome, int BilledSeconds, decimal UsdPerSecond)
{
    public decimal Usd => BilledSeconds * UsdPerSecond;

    /// <summary>The cost of a candidate routed with <paramref name="route"/> that ended with <paramref name="outcome"/>.</summary>
    public static CandidateCost Of(RouteOption route, CandidateOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(route);
        var charged = outcome switch
        {
            CandidateOutcome.Succeeded or CandidateOutcome.InDoubt => true,
            CandidateOutcome.Failed => route.ChargesFailures,
            CandidateOutcome.Moderated => route.ChargesModeration,
            _ => false,
        };
        return new CandidateCost(route.ProviderId, route.Model, route.Mode, outcome, charged ? route.BilledSeconds : 0, route.UsdPerSecond);
    }
}
