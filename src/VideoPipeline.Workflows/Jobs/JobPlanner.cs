using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>
/// Routes every shot of a job and checks the cheapest plan against the budget, before anything is spent: used by the
/// job starter to refuse a brief up front and by the job orchestrator (through <see cref="PlanJobActivity"/>).
/// </summary>
public sealed class JobPlanner(IModelRouter router, IOptions<PipelineOptions> options, RankingPolicy ranking)
{
    public JobPlan Plan(Domain.Jobs.JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var o = options.Value;
        var providers = spec.ProviderPolicy.Providers.Count > 0
            ? spec.ProviderPolicy.Providers
            : router.ProvidersFor(new Domain.Jobs.ProviderPolicyRequest { Name = spec.ProviderPolicy.Name });
        var shots = new List<ShotPlan>();
        foreach (var shot in spec.Shots)
        {
            var plan = router.Route(
                new ShotRequirements(shot.DurationSeconds, spec.Resolution, spec.AspectRatio, ImageInput: shot.ReferenceImageUrl is not null),
                providers);
            shots.Add(plan.CanRoute
                ? new ShotPlan(shot.Index, plan.Options, plan.Options[0].EstimatedUsd * spec.CandidatesPerShot, null)
                : new ShotPlan(shot.Index, [], 0, $"shot {shot.Index}: nothing can make it ({plan.Explain()})"));
        }

        var estimate = shots.Sum(s => s.EstimatedUsd);
        var refusal = shots.FirstOrDefault(s => s.Refusal is not null)?.Refusal
            ?? (spec.BudgetUsd is { } budget && estimate > budget
                ? string.Create(CultureInfo.InvariantCulture, $"the cheapest plan costs an estimated {estimate:0.00} USD, over the budget of {budget:0.00} USD")
                : null);
        var timings = new Dictionary<string, CandidateTiming>(StringComparer.OrdinalIgnoreCase);
        foreach (var providerId in shots.SelectMany(s => s.Routes).Select(r => r.ProviderId).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            timings[providerId] = new CandidateTiming(
                o.FirstCheck.TryGetValue(providerId, out var first) ? first : o.DefaultFirstCheck, o.LongestCheckInterval, o.CandidateDeadline);
        }

        return new JobPlan(shots, estimate, refusal, timings, ranking, o.MaxParallelShots, o.MaxAttemptsPerSlot, o.MaxReviewRounds, o.MaxResultBytes);
    }
}
