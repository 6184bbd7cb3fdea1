using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring;
using VideoPipeline.Scoring.Prompt;

namespace VideoPipeline.Benchmarks.Suites;

/// <summary>
/// How long measuring a candidate takes by resolution and duration (one at a time), and a whole shot
/// of five 8 s 1080p candidates with the default parallelism (target on 2 cores: ≤ 6 s). Clips are
/// testsrc2 with temporal noise at 10 Mbit/s, about what providers deliver at 1080p, so decoding
/// costs what it costs on real candidates (a flat pattern decodes for almost nothing). Beside the
/// shot, the same five files are merely decoded (ffmpeg to the null muxer, same parallelism), runs
/// alternating with the scoring runs so both see the same machine: <c>ratio_to_decode_floor</c> is
/// the median scoring time over the median decoding time (target ≤ 1.10).
/// </summary>
public sealed class ScoringSuite : IBenchmarkSuite
{
    public string Name => "scoring";

    public string Description => "seconds to measure a candidate by size and length, and a shot of five 8 s 1080p candidates";

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        var tools = FfmpegTools.Locate();
        var dir = Path.Combine(Path.GetTempPath(), $"vp-bench-scoring-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var options = new ScoringOptions();
            figures.Note($"rendering clips in {dir}; parallelism {options.MaxParallelism} on {Environment.ProcessorCount} cores; {LoadAverage()}");
            using var single = new CandidateScorer(tools, Options.Create(new ScoringOptions { MaxParallelism = 1 }), new UnconfiguredPromptScorer());

            // Warm-up: ONNX Runtime session creation and the first ffmpeg start are not per-candidate costs.
            var warm = await RenderAsync(tools, dir, "warm", 640, 360, 1, 0, cancellationToken);
            await single.MeasureAsync("warm", warm, new ScoringRequest(), cancellationToken);

            foreach (var (label, width, height) in new[] { ("720p", 1280, 720), ("1080p", 1920, 1080) })
            {
                foreach (var seconds in new[] { 4, 8 })
                {
                    var clip = await RenderAsync(tools, dir, $"{label}-{seconds}s", width, height, seconds, 1, cancellationToken);
                    var times = new List<double>();
                    for (var run = 0; run < 3; run++)
                    {
                        var watch = Stopwatch.StartNew();
                        var m = await single.MeasureAsync("c", clip, new ScoringRequest(width, height, seconds), cancellationToken);
                        times.Add(watch.Elapsed.TotalSeconds);
                        if (m.Disqualified)
                        {
                            throw new InvalidOperationException($"benchmark clip was disqualified: {string.Join("; ", m.Disqualifications)}");
                        }
                    }

                    figures.Report($"s_per_candidate_{label}_{seconds}s", times.Order().ElementAt(1), 2);
                }
            }

            var shot = new List<CandidateFile>();
            for (var i = 0; i < 5; i++)
            {
                shot.Add(new CandidateFile($"c{i}", await RenderAsync(tools, dir, $"shot-{i}", 1920, 1080, 8, i + 2, cancellationToken)));
            }

            using var scorer = new CandidateScorer(tools, Options.Create(options), new UnconfiguredPromptScorer());
            var shotScorer = new ShotScorer(scorer, Options.Create(options));
            var shotTimes = new List<double>();
            var decodeTimes = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                decodeTimes.Add(await DecodeAsync(tools, shot, options.MaxParallelism, cancellationToken));
                var watch = Stopwatch.StartNew();
                var ranking = await shotScorer.ScoreAsync(shot, new ScoringRequest(1920, 1080, 8), cancellationToken);
                shotTimes.Add(watch.Elapsed.TotalSeconds);
                if (ranking.Winner is null)
                {
                    throw new InvalidOperationException("benchmark shot has no winner");
                }
            }

            var median = Percentiles.Of(shotTimes, 0.5);
            var decodeMedian = Percentiles.Of(decodeTimes, 0.5);
            figures.Report("s_per_shot_5x1080p_8s", median, 2);
            figures.Report("s_decode_only_5x1080p_8s", decodeMedian, 2);
            figures.Report("ratio_to_decode_floor", median / decodeMedian, 2);
            figures.Report("video_s_scored_per_s", 5 * 8 / median, 1);
            figures.Note($"finished; {LoadAverage()} (other work on the machine slows every figure)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The decode floor: every file decoded once to the null muxer, <paramref name="parallelism"/> at a time, as the scorer runs them.</summary>
    private static async Task<double> DecodeAsync(FfmpegTools tools, IReadOnlyList<CandidateFile> files, int parallelism, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(parallelism);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(files.Select(async file =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var result = await ProcessRunner.RunAsync(tools.Ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-i", file.Path, "-map", "0:v", "-f", "null", "-"], TimeSpan.FromMinutes(5), ct);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"ffmpeg could not decode {file.Path}: {result.StandardError}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return watch.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";

    private static async Task<string> RenderAsync(FfmpegTools tools, string dir, string name, int width, int height, int seconds, int seed, CancellationToken ct)
    {
        var path = Path.Combine(dir, $"{name}.mp4");
        var source = string.Create(CultureInfo.InvariantCulture, $"testsrc2=s={width}x{height}:r=24:d={seconds},noise=alls=6:allf=t:all_seed={seed}");
        var result = await ProcessRunner.RunAsync(
            tools.Ffmpeg,
            ["-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "veryfast", "-b:v", height >= 1080 ? "10M" : "6M", "-maxrate", "12M", "-bufsize", "20M", "-pix_fmt", "yuv420p", path],
            TimeSpan.FromMinutes(5),
            ct);
        return result.Succeeded ? path : throw new InvalidOperationException($"ffmpeg could not render {name}: {result.StandardError}");
    }
}
