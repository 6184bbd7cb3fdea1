namespace VideoPipeline.Domain.Catalog;

/// <summary>
/// A model that can make a shot, with what it would cost: <see cref="OutputSeconds"/> is the clip length it makes
/// (the shortest it offers at or above the shot's), <see cref="BilledSeconds"/> what its provider bills for that.
/// Submit with <see cref="Model"/>, <see cref="Mode"/> and <see cref="OutputSeconds"/> as the duration (an adapter refuses a
/// length its model does not make); price the candidate with <see cref="CandidateCost.Of"/>.
/// </summary>
public sealed record RouteOption(
    string ProviderId,
    string Model,
    string? Mode,
    ModelStage Stage,
    int OutputSeconds,
    int BilledSeconds,
    decimal UsdPerSecond,
    bool ChargesFailures,
    bool ChargesModeration)
{
    public decimal EstimatedUsd => BilledSeconds * UsdPerSecond;
}
