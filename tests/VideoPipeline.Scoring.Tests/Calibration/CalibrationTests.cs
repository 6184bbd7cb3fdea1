using System.Globalization;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.TestSupport;
using Xunit.Abstractions;

namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>
/// The defect thresholds against clips of known severity: for each class, a clean candidate of any
/// content beats a clearly defective one of any content, and milder defects cost less. The margin
/// (the smallest lead of a clean candidate over a clearly defective one) is printed per class.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class CalibrationTests(CalibrationFixture set, ITestOutputHelper output) : IClassFixture<CalibrationFixture>
{
    public static TheoryData<string> Classes => [.. DefectLadders.Classes.Select(c => c.Name)];

    [Fact]
    public void Clean_clips_of_every_content_carry_no_defect_penalty()
    {
        foreach (var clip in set.Clips)
        {
            output.WriteLine($"{clip.Id}: {string.Join(", ", clip.Measurement.Readings.Where(r => DefectRules.IsDefect(r.Name)).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name}={r.Value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "n/a"}")))}");
        }

        foreach (var clip in set.Clean)
        {
            var score = ShotRanker.Rank([clip.Measurement], RankingPolicy.Default).Ranking[0];
            Assert.False(score.Disqualified, $"{clip.Id}: {string.Join("; ", score.Reasons)}");
            Assert.True(score.Defects is null or { Count: 0 }, $"{clip.Id} reads as defective: {string.Join("; ", score.Defects ?? [])}");
        }
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void A_clean_candidate_of_any_content_beats_a_clearly_defective_one_of_any_content(string defectClass)
    {
        var rule = DefectRules.For(DefectLadders.Classes.Single(c => c.Name == defectClass).Metric)!;
        var defective = set.Of(defectClass).Where(c => c.Severity >= Severity.Clear).ToList();
        var clean = set.Clean.ToList();

        // Every pair of a clean clip and a clearly defective one as a two-candidate shot...
        var pairMargin = double.MaxValue;
        foreach (var good in clean)
        {
            foreach (var bad in defective)
            {
                var ranking = ShotRanker.Rank([good.Measurement, bad.Measurement], RankingPolicy.Default);
                var (g, b) = (Score(ranking, good), Score(ranking, bad));
                Assert.True(g.Score > b.Score, $"{good.Id} ({g.Score:0.000}) does not beat {bad.Id} ({b.Score:0.000})");
                Assert.Equal(good.Id, ranking.Winner?.CandidateId);
                pairMargin = Math.Min(pairMargin, g.Score - b.Score);
            }
        }

        // ...and all of them in one shot, where the relative preferences spread wider.
        var shot = ShotRanker.Rank([.. clean.Concat(set.Of(defectClass)).Select(c => c.Measurement)], RankingPolicy.Default);
        var shotMargin = clean.Min(c => Score(shot, c).Score) - defective.Max(c => Score(shot, c).Score);

        // The viewer-terms name of the defect is what the candidate is told it lost on.
        foreach (var bad in defective)
        {
            var score = Score(shot, bad);
            var named = score.Disqualified ? score.Reasons : score.Defects ?? [];
            var reading = bad.Measurement.Readings.Single(r => r.Name == rule.Metric);
            var expected = rule.Describe(reading.Value!.Value, reading.Note);
            Assert.True(named.Any(n => n.StartsWith(expected, StringComparison.Ordinal)), $"{bad.Id} is not said to be '{expected}' but {string.Join("; ", named)}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration margin {defectClass}: {pairMargin:0.000} over {clean.Count * defective.Count} clean/defective pairs, {shotMargin:0.000} in one shot of {shot.Ranking.Count}"));
        Assert.True(shotMargin > 0, $"in one shot a clearly defective {defectClass} clip scores within {shotMargin:0.000} of a clean one");
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Milder_defects_cost_less_and_every_rung_costs_at_least_as_much_as_the_one_below(string defectClass)
    {
        var rule = DefectRules.For(DefectLadders.Classes.Single(c => c.Name == defectClass).Metric)!;
        foreach (var source in DefectLadders.Classes.Single(c => c.Name == defectClass).Sources)
        {
            var ladder = set.Clean.Where(c => c.Source == source).Concat(set.Of(defectClass).Where(c => c.Source == source))
                .OrderBy(c => c.Severity)
                .Select(c => (c.Severity, Value: c.Measurement.Readings.Single(r => r.Name == rule.Metric).Value!.Value))
                .Select(x => (x.Severity, x.Value, Penalty: rule.Penalty(x.Value)))
                .ToList();
            output.WriteLine($"{defectClass} / {source}: {string.Join(", ", ladder.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Severity} {x.Value:0.###} → {x.Penalty:0.00}")))}");

            Assert.Equal([Severity.Clean, Severity.Mild, Severity.Clear, Severity.Severe], ladder.Select(x => x.Severity));
            Assert.Equal(0, ladder[0].Penalty);
            Assert.True(ladder[1].Penalty < ladder[2].Penalty, $"{source}: a mild {defectClass} costs {ladder[1].Penalty:0.00}, no less than a clear one ({ladder[2].Penalty:0.00})");
            Assert.True(ladder[2].Penalty <= ladder[3].Penalty, $"{source}: a severe {defectClass} costs less than a clear one");
            Assert.InRange(ladder[2].Penalty, DefectRules.ClearPenalty * 0.9, 1);
        }
    }

    private static CandidateScore Score(ShotRanking ranking, CalibrationClip clip) => ranking.Ranking.Single(c => c.CandidateId == clip.Id);
}
