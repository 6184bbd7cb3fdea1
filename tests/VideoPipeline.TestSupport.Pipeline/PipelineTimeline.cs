using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>
/// When the pipeline touched each candidate, recorded by thin wrappers around its ports (test side only, the workflows
/// are unchanged): the first time of each <see cref="Mark"/> per key, as <see cref="Stopwatch"/> timestamps. Candidates
/// are keyed by their instance id (<c>{jobId}:s{nn}:{candidateId}</c>), shots by theirs (<c>{jobId}:s{nn}</c>).
/// </summary>
public sealed class PipelineTimeline
{
    private readonly ConcurrentDictionary<(string Mark, string Key), long> _marks = new();
    private readonly ConcurrentDictionary<string, string> _instanceByTask = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Stream, string> _streams = [];

    /// <summary>The submit activity called the provider.</summary>
    public const string SubmitStarted = "submit-started";

    /// <summary>The store activity asked the provider for the result: the orchestration knew the task was done.</summary>
    public const string ResultOpened = "result-opened";

    /// <summary>The score activity opened the stored candidate.</summary>
    public const string ScoringStarted = "scoring-started";

    /// <summary>The scorer returned its measurement.</summary>
    public const string ScoringEnded = "scoring-ended";

    /// <summary>The shot's winner was copied to <c>winner.mp4</c> (keyed by the shot instance).</summary>
    public const string WinnerPublished = "winner-published";

    public void Mark(string mark, string key) => _marks.TryAdd((mark, key), Stopwatch.GetTimestamp());

    public long? At(string mark, string key) => _marks.TryGetValue((mark, key), out var at) ? at : null;

    /// <summary>The candidate instance that submitted a provider task.</summary>
    public string? InstanceOf(string providerId, string taskId) => _instanceByTask.GetValueOrDefault($"{providerId}/{taskId}");

    internal void MapTask(string providerId, string taskId, string instanceId) => _instanceByTask[$"{providerId}/{taskId}"] = instanceId;

    internal void Tag(Stream stream, string key) => _streams.AddOrUpdate(stream, key);

    internal string? TagOf(Stream stream) => _streams.TryGetValue(stream, out var key) ? key : null;

    /// <summary>Milliseconds between two timestamps of this timeline.</summary>
    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
