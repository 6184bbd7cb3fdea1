namespace VideoPipeline.Storage;

/// <summary>Reads through to <paramref name="inner"/> and fails the read that would pass <paramref name="maxBytes"/>.</summary>
internal sealed class SizeCappedStream(Stream inner, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    /// <summary>True once the source offered more than the cap; the upload it fed must be discarded.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            Exceeded = true;
            throw new SizeCapExceededException();
        }

        return read;
    }

    /// <summary>Stops the SDK's upload loop; <see cref="VideoBlobStore"/> turns it into the port's exception.</summary>
    internal sealed class SizeCapExceededException : IOException
    {
        public SizeCapExceededException()
            : base("the source is larger than the size cap")
        {
        }
    }
}
