namespace VideoPipeline.Benchmarks;

/// <summary>A named group of measurements; each figure is reported through <see cref="Figures"/>.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(Figures figures, CancellationToken cancellationToken);
}
