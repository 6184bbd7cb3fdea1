using System.Globalization;

namespace VideoPipeline.Benchmarks;

/// <summary>
/// Prints results as <c>name=value</c> lines, one per figure, invariant culture, so runs can be
/// compared with diff or grep. Commentary goes to stderr and never mixes with figures.
/// </summary>
public sealed class Figures(TextWriter output, TextWriter log)
{
    public void Report(string name, double value, int decimals = 1) =>
        output.WriteLine($"{name}={Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture)}");

    public void Note(string message) => log.WriteLine(message);
}
