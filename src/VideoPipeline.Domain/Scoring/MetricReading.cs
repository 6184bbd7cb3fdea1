namespace VideoPipeline.Domain.Scoring;

/// <summary>
/// One raw measurement of one candidate, before it is compared with the shot's other candidates.
/// <paramref name="Value"/> is null exactly when the metric was not measured, and <paramref name="Note"/> says why.
/// </summary>
public sealed record MetricReading(string Name, double? Value, string? Note = null)
{
    public MetricStatus Status => Value is null ? MetricStatus.NotMeasured : MetricStatus.Measured;

    public static MetricReading Measured(string name, double value, string? note = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"metric {name} must be a finite number");
        }

        return new MetricReading(name, value, note);
    }

    public static MetricReading NotMeasured(string name, string reason) => new(name, null, reason);
}
