using System.Net;
using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Runway;

namespace VideoPipeline.Providers.Tests;

/// <summary>A result download whose body stops after its headers fails at the idle deadline with a typed failure instead of hanging.</summary>
public sealed class DownloadDeadlineTests
{
    [Fact]
    public async Task Download_body_that_stalls_after_its_headers_fails_at_the_deadline()
    {
        var time = new FakeTimeProvider();
        using var http = new HttpClient(new StallingHandler());
        var downloader = new ResultDownloader(http, time);
        var options = new RunwayOptions { BodyTimeout = TimeSpan.FromSeconds(30) };
        await using var video = await downloader.OpenAsync(new Uri("https://dnznrvs05pmza.cloudfront.net/out/video.mp4"), options, null, CancellationToken.None);

        var reading = video.ReadAsync(new byte[1024]).AsTask();
        Assert.False(reading.IsCompleted);
        time.Advance(options.BodyTimeout);
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(ProviderFailureCodes.Timeout, ex.Failure.Code);
        Assert.Contains("stalled", ex.Failure.Message, StringComparison.Ordinal);
    }

    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
    }

    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
