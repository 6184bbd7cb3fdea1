namespace VideoPipeline.Benchmarks;

/// <summary>Nearest-rank percentiles of a sample (p in 0–1).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
