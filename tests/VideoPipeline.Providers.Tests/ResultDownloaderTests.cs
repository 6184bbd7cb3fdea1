using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Runway;

namespace VideoPipeline.Providers.Tests;

public sealed class ResultDownloaderTests
{
    [Theory]
    [InlineData("https://dnznrvs05pmza.cloudfront.net/out/video.mp4?sig=1")]
    [InlineData("https://api.dev.runwayml.com/files/1.mp4")]
    public void Https_urls_on_the_providers_hosts_are_allowed(string url) =>
        ResultDownloader.EnsureAllowed(new Uri(url), new RunwayOptions());

    [Theory]
    [InlineData("http://dnznrvs05pmza.cloudfront.net/video.mp4")] // not https
    [InlineData("https://evil.example.com/video.mp4")] // not on the list
    [InlineData("https://cloudfront.net.evil.example/video.mp4")] // suffix trick
    [InlineData("http://127.0.0.1:8080/files/x.mp4")] // loopback without the test switch
    [InlineData("file:///etc/passwd")]
    public void Other_urls_are_refused(string url)
    {
        var ex = Assert.Throws<ProviderCallException>(() => ResultDownloader.EnsureAllowed(new Uri(url), new RunwayOptions()));

        Assert.Equal(ProviderFailureKind.Permanent, ex.Failure.Kind);
    }

    [Theory]
    [InlineData("https://v1-kling.inkwai.com/bs2/upload-ylab-stunt/x.mp4")]
    [InlineData("https://cdn.klingai.com/x.mp4")]
    public void Kling_results_from_its_cdns_are_allowed(string url) =>
        ResultDownloader.EnsureAllowed(new Uri(url), new Kling.KlingOptions());

    [Fact]
    public void Loopback_is_allowed_only_with_the_test_switch() =>
        ResultDownloader.EnsureAllowed(new Uri("http://127.0.0.1:8080/files/x.mp4"), new RunwayOptions { AllowLoopbackForTesting = true });
}
