namespace VideoPipeline.Domain.Providers;

/// <summary>What one candidate is expected to cost: output seconds × the table's USD per second for the provider and model.</summary>
public sealed record PriceEstimate(string ProviderId, string Model, int Seconds, decimal UsdPerSecond)
{
    public decimal TotalUsd => Seconds * UsdPerSecond;
}
