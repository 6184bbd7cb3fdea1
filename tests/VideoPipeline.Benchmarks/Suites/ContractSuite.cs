using System.Diagnostics;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>How fast the HTTP and Service Bus edges can parse and validate briefs.</summary>
public sealed class ContractSuite : IBenchmarkSuite
{
    public string Name => "contract";

    public string Description => "parse + validate briefs: throughput and allocation per brief";

    public Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        var shots = string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{ "prompt": "shot {{i}}: a slow pan over a mountain lake at dawn", "durationSeconds": 5 }"""));
        var brief = $$"""{ "title": "bench", "candidatesPerShot": 4, "providerPolicy": { "providers": ["runway", "kling"] }, "shots": [{{shots}}] }""";

        for (var i = 0; i < 2_000; i++)
        {
            JobBrief.Parse(brief);
        }

        const int iterations = 50_000;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations && !cancellationToken.IsCancellationRequested; i++)
        {
            if (!JobBrief.Parse(brief).IsValid)
            {
                throw new InvalidOperationException("benchmark brief must be valid");
            }
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        figures.Report("briefs_validated_per_s", iterations / watch.Elapsed.TotalSeconds, 0);
        figures.Report("kib_allocated_per_brief", allocated / 1024.0 / iterations, 2);
        return Task.CompletedTask;
    }
}
