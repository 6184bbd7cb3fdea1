using System.Globalization;
using Microsoft.DurableTask;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Candidates;

namespace VideoPipeline.Workflows.Shots;

/// <summary>
/// One shot (<c>{jobId}:s{nn}</c>): spreads its candidates over the routed models, cheapest first and within budget;
/// fans them out; re-routes a failed, moderated, lost or late slot to a model it has not tried while attempts and
/// budget remain; ranks with <see cref="ShotRanker"/>; under human review publishes the ranking and waits for a
/// decision (timeout → the top candidate), running another round with a refined prompt on a rejection; copies the
/// winner to its final blob. Fails only when no candidate can win, naming every candidate's reason.
/// </summary>
public sealed class ShotOrchestrator : TaskOrchestrator<ShotInput, ShotResult>
{
    public override async Task<ShotResult> RunAsync(TaskOrchestrationContext context, ShotInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var all = new List<CandidateResult>();
        var prompt = input.Shot.Prompt;
        decimal committed = 0;
        var unavailable = new HashSet<string>(StringComparer.Ordinal);

        // Bounded by the review rounds: a rejection starts another round only while rounds and budget remain.
        for (var round = 1; round <= input.MaxReviewRounds; round++)
        {
            var (results, spent) = await RunRoundAsync(context, input, prompt, round, committed, all, unavailable);
            committed = spent;
            all.AddRange(results);
            var scored = all.Where(c => c.Measurement is not null).Select(c => c.Measurement!).ToList();
            var ranking = ShotRanker.Rank(scored, input.Ranking).Ranking;
            var cost = all.Sum(c => c.Cost.Usd);
            var best = ranking.FirstOrDefault(r => !r.Disqualified);
            if (best is null)
            {
                return new ShotResult(input.Shot.Index, ShotState.Failed, null, null, all, ranking, cost,
                    NoWinner(all, ranking), prompt, round);
            }

            var chosen = best.CandidateId;
            if (input.Review.IsHuman)
            {
                context.SetCustomStatus(Progress(ShotState.AwaitingReview, round, all, ranking));
                var decision = await AwaitReviewAsync(context, input.Review);
                if (decision is { Action: ReviewAction.Choose, CandidateId: { } pick } && ranking.Any(r => r.CandidateId == pick && !r.Disqualified))
                {
                    chosen = pick;
                }
                else if (decision is { Action: ReviewAction.Reject } && round < input.MaxReviewRounds && CanAfford(input, committed, input.Candidates))
                {
                    prompt = await context.CallActivityAsync<string>(nameof(RefinePromptActivity), new RefinePromptRequest(prompt, decision.Feedback ?? string.Empty));
                    continue;
                }
            }

            var winner = all.Single(c => c.CandidateId == chosen);
            var winnerScore = ranking.Single(r => r.CandidateId == chosen);
            var blob = await context.CallActivityAsync<string>(nameof(PublishWinnerActivity), new PublishWinnerRequest(
                input.JobId, input.Shot.Index, chosen, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["provider"] = winner.ProviderId,
                    ["model"] = winner.Model,
                    ["candidate"] = chosen,
                    ["score"] = winnerScore.Score.ToString("0.000", CultureInfo.InvariantCulture),
                    ["costUsd"] = winner.Cost.Usd.ToString("0.00", CultureInfo.InvariantCulture),
                }));
            context.SetCustomStatus(Progress(ShotState.Succeeded, round, all, ranking));
            return new ShotResult(input.Shot.Index, ShotState.Succeeded, chosen, blob, all, ranking, cost, null, prompt, round);
        }

        // Only reached with MaxReviewRounds below 1, which the options refuse.
        return new ShotResult(input.Shot.Index, ShotState.Failed, null, null, all, [], all.Sum(c => c.Cost.Usd), "no review round was allowed", prompt, 0);
    }

    /// <summary>
    /// One round of candidates: every slot runs until one of its attempts is scored or its attempts or the budget run
    /// out. A model its provider called unknown or retired (<paramref name="unavailable"/>) is not tried again in this shot.
    /// </summary>
    private static async Task<(List<CandidateResult> Results, decimal Committed)> RunRoundAsync(
        TaskOrchestrationContext context, ShotInput input, string prompt, int round, decimal committed, List<CandidateResult> earlier,
        HashSet<string> unavailable)
    {
        var results = new List<CandidateResult>();
        var running = new Dictionary<Task<CandidateResult>, (int Slot, int Attempt, RouteOption Route)>();
        var tried = new Dictionary<int, HashSet<string>>();
        var usable = input.Routes.Where(r => !unavailable.Contains(Key(r))).ToList();
        for (var slot = 0; slot < input.Candidates && usable.Count > 0; slot++)
        {
            var route = usable[slot % usable.Count];
            if (!Affordable(input, committed, route))
            {
                break;
            }

            committed += route.EstimatedUsd;
            tried[slot] = [Key(route)];
            running.Add(Start(context, input, prompt, round, slot, 0, route), (slot, 0, route));
        }

        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running.Keys);
            var (slot, attempt, route) = running[done];
            running.Remove(done);
            var result = await Finished(done, input, route, CandidateId(round, slot, attempt));
            results.Add(result);
            committed += result.Cost.Usd - route.EstimatedUsd;
            if (result.FailureCode == ProviderFailureCodes.ModelUnavailable)
            {
                unavailable.Add(Key(route));
            }

            context.SetCustomStatus(Progress(ShotState.Generating, round, [.. earlier, .. results], null, running.Values.Select(r => (CandidateId(round, r.Slot, r.Attempt), r.Route))));

            if (result.WorthRerouting && attempt + 1 < input.MaxAttemptsPerSlot
                && Fallback(input, tried[slot], unavailable, committed) is { } next)
            {
                committed += next.EstimatedUsd;
                tried[slot].Add(Key(next));
                running.Add(Start(context, input, prompt, round, slot, attempt + 1, next), (slot, attempt + 1, next));
            }
        }

        return (results, committed);
    }

    private static Task<CandidateResult> Start(TaskOrchestrationContext context, ShotInput input, string prompt, int round, int slot, int attempt, RouteOption route)
    {
        var candidateId = CandidateId(round, slot, attempt);
        var timing = input.Timings.TryGetValue(route.ProviderId, out var t) ? t : input.Timings.Values.First();
        var seed = StableSeed($"{input.JobId}/{input.Shot.Index}/{round}/{slot}");
        var candidate = new CandidateInput(
            input.JobId, input.Shot.Index, candidateId, route, timing, prompt, input.Shot.NegativePrompt,
            input.Shot.DurationSeconds, input.AspectRatio, input.Resolution, seed, input.Shot.ReferenceImageUrl, input.MaxResultBytes);
        return context.CallSubOrchestratorAsync<CandidateResult>(
            nameof(CandidateOrchestrator), candidate, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:{candidateId}" });
    }

    private static async Task<CandidateResult> Finished(Task<CandidateResult> done, ShotInput input, RouteOption route, string candidateId)
    {
        try
        {
            return await done;
        }
        catch (TaskFailedException ex)
        {
            // The candidate's own orchestration failed (a bug, not a provider answer): its submit may have happened.
            return new CandidateResult(candidateId, route.ProviderId, route.Model, route.Mode, null, CandidateState.InDoubt,
                CandidateCost.Of(route, CandidateOutcome.InDoubt), ProviderFailureCodes.Unknown, ex.FailureDetails.ErrorMessage);
        }
    }

    private static async Task<ReviewDecision?> AwaitReviewAsync(TaskOrchestrationContext context, Domain.Jobs.ReviewPolicy review)
    {
        using var cancel = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<ReviewDecision>(WorkflowEvents.ReviewDecision, cancel.Token);
        var timeout = context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(review.TimeoutMinutes), cancel.Token);
        var first = await Task.WhenAny(decision, timeout);
        cancel.Cancel();
        return first == decision ? await decision : null;
    }

    /// <summary>The cheapest available route this slot has not tried whose estimate the budget still covers, preferring another provider.</summary>
    private static RouteOption? Fallback(ShotInput input, HashSet<string> tried, HashSet<string> unavailable, decimal committed)
    {
        var untried = input.Routes.Where(r => !tried.Contains(Key(r)) && !unavailable.Contains(Key(r)) && Affordable(input, committed, r)).ToList();
        var triedProviders = tried.Select(k => k.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        return untried.FirstOrDefault(r => !triedProviders.Contains(r.ProviderId)) ?? untried.FirstOrDefault();
    }

    private static bool Affordable(ShotInput input, decimal committed, RouteOption route) =>
        input.BudgetUsd is not { } budget || committed + route.EstimatedUsd <= budget;

    private static bool CanAfford(ShotInput input, decimal committed, int candidates) =>
        input.BudgetUsd is not { } budget || committed + (input.Routes[0].EstimatedUsd * candidates) <= budget;

    /// <summary>The same seed for the same slot in every replay and every process (string.GetHashCode is per process).</summary>
    private static long StableSeed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)(hash & int.MaxValue);
    }

    private static string Key(RouteOption route) => $"{route.ProviderId}/{route.Model}/{route.Mode}";

    /// <summary><c>c{k}</c>, then <c>c{k}a{n}</c> for re-routed attempts and an <c>r{round}</c> prefix after a rejected review.</summary>
    private static string CandidateId(int round, int slot, int attempt) =>
        (round > 1 ? $"r{round}" : string.Empty) + $"c{slot}" + (attempt > 0 ? $"a{attempt}" : string.Empty);

    private static string NoWinner(List<CandidateResult> all, IReadOnlyList<CandidateScore> ranking) =>
        all.Count == 0
            ? "no candidate could be afforded within the shot's budget"
            : "no candidate can win: " + string.Join("; ", all.Select(c =>
                $"{c.CandidateId} ({c.ProviderId} {c.Model}): " +
                (c.FailureReason ?? string.Join(", ", ranking.FirstOrDefault(r => r.CandidateId == c.CandidateId)?.Reasons ?? ["not scored"]))));

    private static ShotProgress Progress(
        ShotState state, int round, IEnumerable<CandidateResult> ended, IReadOnlyList<CandidateScore>? ranking,
        IEnumerable<(string CandidateId, RouteOption Route)>? running = null)
    {
        var endedList = ended.ToList();
        var candidates = endedList
            .Select(c => new CandidateProgress(
                c.CandidateId, c.ProviderId, c.Model, c.State.ToString(),
                ranking?.FirstOrDefault(r => r.CandidateId == c.CandidateId)?.Score, c.Cost.Usd, c.FailureReason))
            .Concat((running ?? []).Select(r => new CandidateProgress(r.CandidateId, r.Route.ProviderId, r.Route.Model, "Running", null, 0, null)))
            .ToList();
        var ranked = ranking?.Select(r => new RankedCandidate(
            r.CandidateId, r.Rank, r.Score, r.Disqualified, endedList.FirstOrDefault(c => c.CandidateId == r.CandidateId)?.BlobName,
            r.Disqualified ? string.Join("; ", r.Reasons) : $"score {r.Score:0.000}")).ToList();
        return new ShotProgress(state, round, endedList.Sum(c => c.Cost.Usd), candidates, ranked);
    }
}
