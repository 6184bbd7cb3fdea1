using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring.Analysis;
using VideoPipeline.Scoring.Faces;
using VideoPipeline.Scoring.Probing;
using VideoPipeline.Scoring.Prompt;

namespace VideoPipeline.Scoring;

/// <summary>
/// Measures a candidate: ffprobe hard checks, then one ffmpeg pass for the frame metrics that also
/// feeds BlazeFace (frames at <see cref="ScoringOptions.FaceSampleFps"/>) and the prompt scorer.
/// Every step runs under <see cref="ScoringOptions.CandidateTimeLimit"/>; a candidate that overruns
/// comes back disqualified as "not scored" and its ffmpeg is killed.
/// </summary>
public sealed class CandidateScorer : ICandidateScorer, IDisposable
{
    private const string FacesTap = "faces";
    private const string PromptTap = "prompt";

    private readonly FfmpegTools _tools;
    private readonly ScoringOptions _options;
    private readonly IPromptAdherenceScorer _prompt;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lazy<BlazeFaceDetector?> _faces;

    public CandidateScorer(FfmpegTools tools, IOptions<ScoringOptions> options, IPromptAdherenceScorer prompt, ILogger<CandidateScorer>? logger = null, TimeProvider? time = null)
    {
        _tools = tools;
        _options = options.Value;
        _prompt = prompt;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _faces = new Lazy<BlazeFaceDetector?>(CreateFaceDetector, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<CandidateMeasurement> MeasureAsync(string candidateId, string path, ScoringRequest request, CancellationToken cancellationToken) =>
        WithinLimitAsync(candidateId, (work, ct) => MeasureFileAsync(candidateId, path, request, work, ct), cancellationToken);

    public Task<CandidateMeasurement> MeasureAsync(string candidateId, Stream content, ScoringRequest request, CancellationToken cancellationToken) =>
        WithinLimitAsync(
            candidateId,
            async (work, ct) =>
            {
                var spooled = Path.Combine(work, "candidate.video");
                await using (var file = new FileStream(spooled, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await content.CopyToAsync(file, ct);
                }

                return await MeasureFileAsync(candidateId, spooled, request, work, ct);
            },
            cancellationToken);

    public void Dispose()
    {
        if (_faces.IsValueCreated)
        {
            _faces.Value?.Dispose();
        }
    }

    private async Task<CandidateMeasurement> WithinLimitAsync(string candidateId, Func<string, CancellationToken, Task<CandidateMeasurement>> measure, CancellationToken cancellationToken)
    {
        var limit = _options.CandidateTimeLimit;
        using var deadline = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var work = Path.Combine(Path.GetTempPath(), $"vp-score-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var watch = Stopwatch.StartNew();
        try
        {
            var measurement = await measure(work, linked.Token);
            ScoringLog.Measured(_logger, candidateId, watch.ElapsedMilliseconds, measurement.Disqualified);
            if (measurement.Disqualified)
            {
                ScoringLog.Disqualified(_logger, candidateId, string.Join("; ", measurement.Disqualifications));
            }

            return measurement;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            ScoringLog.TimedOut(_logger, candidateId, limit);
            return CandidateMeasurement.Failed(candidateId, string.Create(CultureInfo.InvariantCulture, $"not scored: measuring took longer than {limit.TotalSeconds:0.#} s (Scoring:CandidateTimeLimit)"));
        }
        finally
        {
            TryDelete(work);
        }
    }

    private async Task<CandidateMeasurement> MeasureFileAsync(string candidateId, string path, ScoringRequest request, string work, CancellationToken ct)
    {
        var limit = _options.CandidateTimeLimit;
        var (probe, problem) = await Ffprobe.ProbeAsync(_tools, path, limit, ct);
        if (probe is null)
        {
            return CandidateMeasurement.Failed(candidateId, problem!);
        }

        var failures = HardChecks.Check(probe, request, _options);
        if (failures.Count > 0)
        {
            // Ineligible whatever its metrics say: skip the expensive pass.
            return new CandidateMeasurement(candidateId, failures, []);
        }

        var detector = _faces.Value;
        var taps = new List<FrameTap>();
        if (detector is not null)
        {
            const int side = BlazeFaceAnchors.InputSize;
            taps.Add(new FrameTap(FacesTap, Invariant($"fps={_options.FaceSampleFps},scale={side}:{side}:force_original_aspect_ratio=decrease,pad={side}:{side}:-1:-1,format=rgb24"), side, side));
        }

        if (_prompt.FramesWanted > 0 && probe.DurationSeconds > 0)
        {
            var size = _prompt.FrameSize;
            taps.Add(new FrameTap(PromptTap, Invariant($"fps={_prompt.FramesWanted / probe.DurationSeconds:0.######},scale={size}:{size}:force_original_aspect_ratio=increase,crop={size}:{size},format=rgb24"), size, size));
        }

        var (analysis, decodeProblem) = await FrameAnalyzer.RunAsync(_tools, path, work, probe, _options.AnalysisShortSide, taps, limit, ct);
        if (analysis is null)
        {
            return CandidateMeasurement.Failed(candidateId, decodeProblem!);
        }

        var readings = new List<MetricReading>();
        var disqualifications = new List<string>();
        var declared = probe.DeclaredFrames ?? (long)Math.Round(probe.DurationSeconds * probe.FramesPerSecond);
        if (declared > 0)
        {
            var ratio = Math.Min(1, (double)analysis.DecodedFrames / declared);
            readings.Add(MetricReading.Measured(MetricNames.DecodedRatio, ratio, Invariant($"{analysis.DecodedFrames} of {declared} frames")));
            if (ratio < _options.MinDecodedRatio)
            {
                disqualifications.Add(Invariant($"only {analysis.DecodedFrames} of the {declared} declared frames decode"));
            }
        }
        else
        {
            readings.Add(MetricReading.NotMeasured(MetricNames.DecodedRatio, "the container declares neither a frame count nor a duration and rate"));
        }

        readings.AddRange(analysis.Readings);
        readings.AddRange(detector is null
            ? [
                MetricReading.NotMeasured(MetricNames.FacePresence, "no face model (Scoring:FaceModelPath; npm ci installs one)"),
                MetricReading.NotMeasured(MetricNames.FaceStability, "no face model (Scoring:FaceModelPath; npm ci installs one)"),
            ]
            : FaceStability.Measure(await DetectFacesAsync(detector, analysis.TapFiles[FacesTap], ct)));

        readings.Add(analysis.TapFiles.TryGetValue(PromptTap, out var promptFrames)
            ? _prompt.Score(request.Prompt, await ReadFramesAsync(promptFrames, _prompt.FrameSize, ct))
            : _prompt.Score(request.Prompt, []));

        var order = MetricNames.All.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        return new CandidateMeasurement(candidateId, disqualifications, [.. readings.OrderBy(r => order.GetValueOrDefault(r.Name, int.MaxValue))]);
    }

    private async Task<List<IReadOnlyList<FaceBox>>> DetectFacesAsync(BlazeFaceDetector detector, string file, CancellationToken ct)
    {
        var frames = await ReadFramesAsync(file, BlazeFaceAnchors.InputSize, ct);
        var found = new List<IReadOnlyList<FaceBox>>(frames.Count);
        foreach (var frame in frames)
        {
            ct.ThrowIfCancellationRequested();
            found.Add(detector.Detect(frame.Span, _options.FaceMinConfidence));
        }

        return found;
    }

    private static async Task<List<ReadOnlyMemory<byte>>> ReadFramesAsync(string file, int side, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var frameBytes = side * side * 3;
        return [.. Enumerable.Range(0, bytes.Length / frameBytes).Select(i => new ReadOnlyMemory<byte>(bytes, i * frameBytes, frameBytes))];
    }

    private BlazeFaceDetector? CreateFaceDetector()
    {
        var path = FaceModelLocator.Locate(_options.FaceModelPath);
        if (path is null)
        {
            ScoringLog.NoFaceModel(_logger);
            return null;
        }

        return new BlazeFaceDetector(path);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed ffmpeg may hold a file for a moment; the OS temp cleaner gets it.
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
