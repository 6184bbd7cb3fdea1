using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SecretsInLogsTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Failures_are_logged_without_keys_or_signed_urls()
    {
        var behavior = fixture.Reset(ProviderIds.Runway);
        var logs = new CapturingLoggerProvider();
        await using var harness = new ProviderHarness(fixture.Simulator, logs: logs);
        var runway = harness.Provider(ProviderIds.Runway);

        behavior.ServerErrorBurst = 1; // logged as a failed call
        await runway.SubmitAsync(Await.Request(), CancellationToken.None);
        behavior.LostSubmitResponses = 1; // logged as in doubt
        await runway.SubmitAsync(Await.Request(), CancellationToken.None);
        var submitted = await runway.SubmitAsync(Await.Request(), CancellationToken.None);
        await Await.TerminalAsync(runway, submitted.TaskId!);
        behavior.ExpiredResultUrls = 1; // logged as a refresh
        await (await runway.OpenResultAsync(submitted.TaskId!, CancellationToken.None)).DisposeAsync();

        Assert.Contains(logs.Lines, l => l.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("never re-posting", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("expired", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("test-runway-key", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("/files/", StringComparison.Ordinal));
    }
}
