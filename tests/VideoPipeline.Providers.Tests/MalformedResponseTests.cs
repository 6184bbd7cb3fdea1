using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;
using VideoPipeline.Providers.Runway;

namespace VideoPipeline.Providers.Tests;

/// <summary>A provider answering JSON of an unexpected shape never crashes a caller and never invites a second (paid) submit.</summary>
public sealed class MalformedResponseTests
{
    [Fact]
    public async Task Status_of_an_unexpected_shape_is_a_transient_failure()
    {
        var runway = Runway("""{"id":"t1","status":42}""");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => runway.GetStatusAsync("t1", CancellationToken.None));

        Assert.Equal(ProviderFailureCodes.Malformed, ex.Failure.Code);
        Assert.Equal(ProviderFailureKind.Transient, ex.Failure.Kind);
    }

    [Theory]
    [InlineData("""{"id":42}""")]
    [InlineData("""{}""")]
    public async Task Accepted_submit_without_a_readable_id_is_in_doubt(string body)
    {
        var result = await Runway(body).SubmitAsync(new SubmissionRequest("c1", "a prompt", 5, "16:9", "720p", 1), CancellationToken.None);

        Assert.Equal(ProviderFailureKind.InDoubt, result.Failure?.Kind);
    }

    [Fact]
    public async Task Non_json_success_body_is_a_transient_failure()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Runway("<html>oops</html>").GetStatusAsync("t1", CancellationToken.None));

        Assert.Equal(ProviderFailureCodes.Malformed, ex.Failure.Code);
    }

    private static RunwayProvider Runway(string body)
    {
        var http = new HttpClient(new Fixed(body));
        return new RunwayProvider(
            http,
            new ResultDownloader(http),
            new PriceTable(Options.Create(new PriceTableOptions())),
            new FakeTimeProvider(),
            Options.Create(new RunwayOptions { ApiKey = "k" }),
            NullLogger<RunwayProvider>.Instance);
    }

    private sealed class Fixed(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}
