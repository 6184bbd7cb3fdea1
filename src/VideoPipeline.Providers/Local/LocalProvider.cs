using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Media;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Local;

/// <summary>
/// Renders on this machine with ffmpeg, shaped like a remote provider so the local path exercises the
/// same durable waits: submit returns a task id at once, the render runs in the background, completion
/// goes to the <see cref="IProviderUpdateSink"/> (the in-process "callback") and can also be polled.
/// The task id derives from the correlation id, so submitting the same candidate twice renders once.
/// </summary>
public sealed partial class LocalProvider(
    IOptions<LocalProviderOptions> options,
    IOptions<FfmpegOptions> ffmpeg,
    IProviderUpdateSink sink,
    PriceTable prices,
    TimeProvider time,
    ILogger<LocalProvider> logger) : IVideoProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, ProviderTaskStatus> _tasks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public string Id => ProviderIds.Local;

    public bool IsRetired => false;

    public bool IsConfigured => true;

    public Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        FfmpegTools tools;
        try
        {
            tools = FfmpegTools.Locate(ffmpeg.Value);
        }
        catch (FfmpegNotFoundException ex)
        {
            return Task.FromResult(SubmissionResult.Failed(ProviderFailures.NotConfigured($"ffmpeg is missing: {ex.Message}")));
        }

        var taskId = "local-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.CorrelationId)))[..24];
        var queued = new ProviderTaskStatus(taskId, ProviderTaskState.Queued, time.GetUtcNow());
        if (File.Exists(PathOf(taskId)))
        {
            Advance(Finished(taskId));
        }
        else if (_tasks.TryAdd(taskId, queued))
        {
            _ = Task.Run(() => RenderAsync(tools, taskId, request), CancellationToken.None);
        }

        return Task.FromResult(SubmissionResult.Ok(taskId));
    }

    public Task<ProviderTaskStatus> GetStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        if (_tasks.TryGetValue(taskId, out var status))
        {
            return Task.FromResult(status);
        }

        // Rendered before a restart: the file on disk is the record.
        return File.Exists(PathOf(taskId))
            ? Task.FromResult(Finished(taskId))
            : throw new ProviderCallException(ProviderFailures.NotFound($"no local task {taskId}"));
    }

    public async Task<Stream> OpenResultAsync(string taskId, CancellationToken cancellationToken)
    {
        var status = await GetStatusAsync(taskId, cancellationToken);
        return status.State == ProviderTaskState.Succeeded
            ? new FileStream(PathOf(taskId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : throw new ProviderCallException(ProviderFailures.NotSucceeded($"task {taskId} is {status.State}"));
    }

    public Task<CallbackVerification> VerifyCallbackAsync(ProviderCallback callback, CancellationToken cancellationToken) =>
        Task.FromResult(CallbackVerification.Reject("the local provider reports in-process only; an HTTP callback for it is forged"));

    public PriceEstimate EstimatePrice(SubmissionRequest request) => prices.Estimate(Id, request.Model ?? "ffmpeg", request.DurationSeconds, request.Resolution);

    public void Dispose()
    {
        // The container may dispose this twice (as itself and as an IVideoProvider); only the first counts.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task RenderAsync(FfmpegTools tools, string taskId, SubmissionRequest request)
    {
        ProviderTaskStatus final;
        try
        {
            Advance(new ProviderTaskStatus(taskId, ProviderTaskState.Running, time.GetUtcNow()));
            var (width, height) = Size(request);
            Directory.CreateDirectory(options.Value.EffectiveOutputDirectory);
            await SyntheticClipRenderer.RenderAsync(
                tools, PathOf(taskId), request.Prompt, request.Seed, width, height, request.DurationSeconds, options.Value.FramesPerSecond, _stopping.Token);
            final = Finished(taskId);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException or UnauthorizedAccessException or OperationCanceledException)
        {
            LogRenderFailed(logger, taskId, ex);
            final = ProviderTaskStatus.Failed(taskId, time.GetUtcNow(), ProviderFailures.TaskFailed(ex.Message, "render_failed", transient: true));
        }

        var kept = Advance(final);
        try
        {
            await sink.OnUpdateAsync(Id, kept, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Polling still finds the task: a sink failure must not lose the render.
            LogSinkFailed(logger, taskId, ex);
        }
    }

    private ProviderTaskStatus Advance(ProviderTaskStatus next) =>
        _tasks.AddOrUpdate(next.TaskId, next, (_, current) => current.Advance(next));

    private (int Width, int Height) Size(SubmissionRequest request)
    {
        var (width, height) = Resolutions.Dimensions(request.Resolution, request.AspectRatio);
        var cap = options.Value.MaxShortSide;
        var shortSide = Math.Min(width, height);
        if (cap <= 0 || shortSide <= cap)
        {
            return (width, height);
        }

        static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);
        return (Even(width * (double)cap / shortSide), Even(height * (double)cap / shortSide));
    }

    private ProviderTaskStatus Finished(string taskId) =>
        new(taskId, ProviderTaskState.Succeeded, time.GetUtcNow(), [new Uri(PathOf(taskId))]);

    private string PathOf(string taskId) => Path.Combine(options.Value.EffectiveOutputDirectory, taskId + ".mp4");

    [LoggerMessage(Level = LogLevel.Warning, Message = "local: render of task {TaskId} failed")]
    private static partial void LogRenderFailed(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "local: completion of task {TaskId} could not be delivered; it can still be polled")]
    private static partial void LogSinkFailed(ILogger logger, string taskId, Exception exception);
}
