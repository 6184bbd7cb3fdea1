using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Fails its first <see cref="FlakyCall.Failures"/> attempts for a key, then succeeds with the attempt count.</summary>
public sealed class FlakyActivity : TaskActivity<FlakyCall, int>
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new(StringComparer.Ordinal);

    public override Task<int> RunAsync(TaskActivityContext context, FlakyCall input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var attempt = Attempts.AddOrUpdate(input.Key, 1, (_, n) => n + 1);
        return attempt <= input.Failures
            ? throw new TimeoutException($"attempt {attempt} of {input.Key} failed")
            : Task.FromResult(attempt);
    }
}
