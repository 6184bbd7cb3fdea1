using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Downloads;

/// <summary>
/// A read-only stream over a download that fails once more than a cap has been read or when a read waits
/// longer than <paramref name="idle"/> for a byte (a stalled body), and disposes its response with it. Every
/// failure is a <see cref="ProviderCallException"/>, so whoever copies the video meets the port's contract only.
/// </summary>
internal sealed class CappedStream(Stream inner, IDisposable owner, long cap, TimeSpan idle, TimeProvider time) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(idle, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return Count(await inner.ReadAsync(buffer, linked.Token));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderCallException(ProviderFailures.Timeout($"the result download stalled (no byte within {idle.TotalSeconds:0.#} s)"), ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ProviderCallException(ProviderFailures.DownloadFailed($"the result download was cut off ({ex.GetType().Name})", transient: true), ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read > cap ? throw ResultDownloader.TooLarge(cap) : read;
    }
}
