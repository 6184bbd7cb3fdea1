using VideoPipeline.Domain.Catalog;

namespace VideoPipeline.Domain.Tests.Catalog;

public sealed class CandidateCostTests
{
    [Theory]
    [InlineData(CandidateOutcome.Succeeded, false, false, 3.0)]
    [InlineData(CandidateOutcome.InDoubt, false, false, 3.0)] // it may have been accepted: counted until proven otherwise
    [InlineData(CandidateOutcome.Failed, false, false, 0.0)]
    [InlineData(CandidateOutcome.Failed, true, false, 3.0)]
    [InlineData(CandidateOutcome.Moderated, false, false, 0.0)]
    [InlineData(CandidateOutcome.Moderated, false, true, 3.0)]
    [InlineData(CandidateOutcome.NotSubmitted, true, true, 0.0)]
    public void A_candidate_costs_its_billed_seconds_unless_its_provider_does_not_charge_for_how_it_ended(
        CandidateOutcome outcome, bool chargesFailures, bool chargesModeration, double expectedUsd)
    {
        var route = new RouteOption("kling", "kling-v2-1-master", "pro", ModelStage.Ga, 10, 10, 0.30m, chargesFailures, chargesModeration);

        var cost = CandidateCost.Of(route, outcome);

        Assert.Equal((decimal)expectedUsd, cost.Usd);
        Assert.Equal(outcome, cost.Outcome);
        Assert.Equal(("kling", "kling-v2-1-master", "pro"), (cost.ProviderId, cost.Model, cost.Mode));
    }
}
