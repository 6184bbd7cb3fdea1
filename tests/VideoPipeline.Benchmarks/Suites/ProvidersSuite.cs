using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Media;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Local;
using VideoPipeline.Simulator;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>
/// How much the provider layer itself costs: candidates carried end to end (submit, poll, download)
/// through the Runway adapter against the simulator, and how long the local renderer takes per clip.
/// </summary>
public sealed class ProvidersSuite : IBenchmarkSuite
{
    public string Name => "providers";

    public string Description => "adapter round trips against the simulator; local ffmpeg render time";

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"vp-bench-{Guid.NewGuid():N}");
        try
        {
            await using var simulator = await ProviderSimulator.StartAsync(
                new SimulatorOptions { OutputDirectory = folder, RenderShortSide = 90, RenderFramesPerSecond = 8 }, cancellationToken: cancellationToken);
            var behavior = simulator.Behavior(ProviderIds.Runway);
            behavior.LatencyMin = TimeSpan.Zero;
            behavior.LatencyMax = TimeSpan.Zero;
            var settings = new Dictionary<string, string?>
            {
                ["Providers:Runway:ApiKey"] = "bench",
                ["Providers:Runway:BaseUrl"] = simulator.BaseUrlFor(ProviderIds.Runway).ToString(),
                ["Providers:Runway:AllowLoopbackForTesting"] = "true",
            };
            var services = new ServiceCollection();
            services.AddVideoProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            await using var provider = services.BuildServiceProvider();
            var runway = provider.GetRequiredService<ProviderCatalog>().Get(ProviderIds.Runway);

            const int candidates = 40;
            await RoundTripAsync(runway, 0, cancellationToken); // warm up JIT, connections and ffmpeg
            var watch = Stopwatch.StartNew();
            await Parallel.ForAsync(1, candidates + 1, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (i, ct) => await RoundTripAsync(runway, i, ct));
            watch.Stop();
            figures.Report("simulated_candidates_per_s", candidates / watch.Elapsed.TotalSeconds, 1);
            figures.Note("each candidate: submit, poll to SUCCEEDED, download an ffmpeg-rendered 2 s 160x90 clip; 4 at a time");

            var tools = FfmpegTools.Locate();
            const int renders = 5;
            watch.Restart();
            for (var seed = 0; seed < renders; seed++)
            {
                await SyntheticClipRenderer.RenderAsync(tools, Path.Combine(folder, $"local-{seed}.mp4"), "a paper boat on a rainy street", seed, 1280, 720, 5, 24, cancellationToken);
            }

            figures.Report("local_render_ms_per_5s_720p_clip", watch.Elapsed.TotalMilliseconds / renders, 0);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RoundTripAsync(IVideoProvider provider, int seed, CancellationToken cancellationToken)
    {
        var request = new SubmissionRequest($"bench-{Guid.NewGuid():N}", "a paper boat on a rainy street", 2, AspectRatios.Landscape, Resolutions.P720, seed);
        var submitted = await provider.SubmitAsync(request, cancellationToken);
        var taskId = submitted.TaskId ?? throw new InvalidOperationException(submitted.Failure?.Message);
        while (!(await provider.GetStatusAsync(taskId, cancellationToken)).IsTerminal)
        {
            await Task.Delay(5, cancellationToken);
        }

        await using var video = await provider.OpenResultAsync(taskId, cancellationToken);
        await video.CopyToAsync(Stream.Null, cancellationToken);
    }
}
