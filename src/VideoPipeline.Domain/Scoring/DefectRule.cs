using System.Globalization;

namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// The absolute thresholds of one defect metric. The penalty is 0 up to <paramref name="Onset"/>,
/// rises linearly to <see cref="DefectRules.ClearPenalty"/> at <paramref name="Clear"/> (a defect a
/// viewer notices at once) and on to <see cref="DefectRules.SeverePenalty"/> at <paramref name="Severe"/>;
/// at or beyond <paramref name="DisqualifyAt"/> (when set) the candidate cannot win at all.
/// <paramref name="HigherIsWorse"/> says which way the reading goes bad. <paramref name="Describe"/>
/// puts a reading (and its note, e.g. which edges carry the bars) in viewer terms ("blocky compression: quantiser 44").
/// </summary>
public sealed record DefectRule(
    string Metric,
    bool HigherIsWorse,
    double Onset,
    double Clear,
    double Severe,
    double? DisqualifyAt,
    Func<double, string?, string> Describe)
{
    /// <summary>Share of the score the defect takes away, in [0, <see cref="DefectRules.SeverePenalty"/>].</summary>
    public double Penalty(double value)
    {
        // Work in "badness": how far past the onset, in the direction that is worse.
        var x = HigherIsWorse ? value : -value;
        var (onset, clear, severe) = HigherIsWorse ? (Onset, Clear, Severe) : (-Onset, -Clear, -Severe);
        if (x <= onset)
        {
            return 0;
        }

        if (x <= clear)
        {
            return DefectRules.ClearPenalty * (x - onset) / (clear - onset);
        }

        var beyond = Math.Min(1, (x - clear) / (severe - clear));
        return DefectRules.ClearPenalty + ((DefectRules.SeverePenalty - DefectRules.ClearPenalty) * beyond);
    }

    public bool Disqualifies(double value) =>
        DisqualifyAt is { } at && (HigherIsWorse ? value >= at : value <= at);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
