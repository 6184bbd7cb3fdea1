namespace VideoPipeline.Domain.Providers;

/// <summary>
/// What one candidate is expected to cost: the seconds its provider bills for the clip (Kling 5 s at least, Veo
/// 4/6/8, Runway the requested 2–10) × USD per second for the provider, model and resolution.
/// </summary>
public sealed record PriceEstimate(string ProviderId, string Model, int RequestedSeconds, int BilledSeconds, decimal UsdPerSecond)
{
    public decimal TotalUsd => BilledSeconds * UsdPerSecond;
}
