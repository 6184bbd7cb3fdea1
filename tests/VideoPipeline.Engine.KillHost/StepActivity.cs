using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.KillHost;

/// <summary>
/// Appends its step number to an append-only marker file, so the test can count how often each step really ran,
/// then takes a moment, so a kill can land while steps are in flight.
/// </summary>
internal sealed class StepActivity(string markerPath) : TaskActivity<int, int>
{
    public const string Name = "Step";

    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        await File.AppendAllTextAsync(markerPath, $"{input}\n");
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        return input;
    }
}
