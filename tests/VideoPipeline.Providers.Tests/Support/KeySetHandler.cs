using System.Net;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>Serves a key set (JWKS) the test can change, fail or stall after its headers, and counts the downloads.</summary>
public sealed class KeySetHandler(string json) : HttpMessageHandler
{
    private int _fetches;

    public string Json { get; set; } = json;

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>Headers arrive, the body never does.</summary>
    public bool StallBody { get; set; }

    public int Fetches => Volatile.Read(ref _fetches);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetches);
        HttpContent content = StallBody ? new StreamContent(new StallingStream()) : new StringContent(Json);
        return Task.FromResult(new HttpResponseMessage(Status) { Content = content });
    }

    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
