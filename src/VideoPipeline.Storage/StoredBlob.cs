namespace VideoPipeline.Storage;

/// <summary>An open blob: dispose it to release the download stream.</summary>
public sealed record StoredBlob(Stream Content, string ContentType, IDictionary<string, string> Metadata) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
