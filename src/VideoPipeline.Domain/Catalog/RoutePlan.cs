namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// The models that can make one shot (cheapest first, ties in catalogue order) and every provider or model that
/// was passed over with its reason. An empty <see cref="Options"/> means the shot must be refused before anything is spent.
/// </summary>
public sealed record RoutePlan(IReadOnlyList<RouteOption> Options, IReadOnlyList<RouteRefusal> Refused)
{
    public bool CanRoute => Options.Count > 0;

    /// <summary>The cheapest option, or null.</summary>
    public RouteOption? Cheapest => Options.Count > 0 ? Options[0] : null;

    /// <summary>One line per refusal, e.g. for the message that refuses a brief.</summary>
    public string Explain() =>
        Refused.Count == 0 ? "no provider is allowed for this shot" : string.Join("; ", Refused.Select(r => $"{r.ProviderId}: {r.Reason}"));
}
