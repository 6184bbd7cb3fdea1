using VideoPipeline.Domain.Providers;
using VideoPipeline.Simulator;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>
/// An adapter test against the shared simulator: the provider's behaviour is reset before each test,
/// and the adapter comes from the real DI registration pointed at the simulator.
/// </summary>
public abstract class SimulatorTest(SimulatorFixture fixture, string providerId) : IAsyncLifetime
{
    protected ProviderHarness Harness { get; } = new(fixture.Simulator);

    protected SimulatedProviderBehavior Behavior { get; private set; } = null!;

    protected ProviderSimulator Sim => fixture.Simulator;

    protected IVideoProvider Provider => Harness.Provider(providerId);

    /// <summary>
    /// For tests about how a task ends, not about timeouts: a generous attempt timeout keeps a call on a loaded machine
    /// (the full suite runs ffmpeg beside it) from ending in doubt or timing out, which is correct but not what is tested.
    /// </summary>
    protected ProviderHarness Patient() => new(Sim, s => s["Providers:Resilience:AttemptTimeout"] = "00:00:15");

    public Task InitializeAsync()
    {
        Behavior = fixture.Reset(providerId);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>The callback as the host hands it over: the last path segment after the sink is the route token.</summary>
    protected static ProviderCallback Callback(RecordedCallback recorded)
    {
        var segments = recorded.Target.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new(recorded.Headers, recorded.Body, segments.Length > 1 ? Uri.UnescapeDataString(segments[^1]) : null);
    }
}
