using System.Globalization;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Passes every call to the store; marks when scoring opens a candidate and when a shot's winner is published.</summary>
internal sealed class TimedClipStore(IClipStore inner, PipelineTimeline timeline) : IClipStore
{
    public Task<StoredClip> SaveCandidateAsync(
        string jobId, int shotIndex, string candidateId, Stream content, long maxBytes, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        inner.SaveCandidateAsync(jobId, shotIndex, candidateId, content, maxBytes, metadata, cancellationToken);

    public async Task<Stream> OpenCandidateAsync(string jobId, int shotIndex, string candidateId, CancellationToken cancellationToken)
    {
        var key = $"{Shot(jobId, shotIndex)}:{candidateId}";
        timeline.Mark(PipelineTimeline.ScoringStarted, key);
        var stream = await inner.OpenCandidateAsync(jobId, shotIndex, candidateId, cancellationToken);
        timeline.Tag(stream, key);
        return stream;
    }

    public async Task<string> PublishWinnerAsync(string jobId, int shotIndex, string candidateId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var blob = await inner.PublishWinnerAsync(jobId, shotIndex, candidateId, metadata, cancellationToken);
        timeline.Mark(PipelineTimeline.WinnerPublished, Shot(jobId, shotIndex));
        return blob;
    }

    public Task WriteManifestAsync(string jobId, ReadOnlyMemory<byte> manifestJson, CancellationToken cancellationToken) =>
        inner.WriteManifestAsync(jobId, manifestJson, cancellationToken);

    public Task<Stream?> OpenManifestAsync(string jobId, CancellationToken cancellationToken) => inner.OpenManifestAsync(jobId, cancellationToken);

    public Task<Stream?> OpenWinnerAsync(string jobId, int shotIndex, CancellationToken cancellationToken) => inner.OpenWinnerAsync(jobId, shotIndex, cancellationToken);

    private static string Shot(string jobId, int shotIndex) => $"{jobId}:s{shotIndex.ToString("D2", CultureInfo.InvariantCulture)}";
}
