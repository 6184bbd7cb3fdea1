using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>One simulator for the collection; each test resets the behaviour of the provider it uses.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private readonly TempDirectory _clips = new("vp-sim");

    public ProviderSimulator Simulator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Simulator = await ProviderSimulator.StartAsync(new SimulatorOptions { OutputDirectory = _clips.Path, RenderShortSide = 90, RenderFramesPerSecond = 8 });

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        _clips.Dispose();
    }

    /// <summary>Fast, successful, no-surprise behaviour; a test then turns on the one failure it is about.</summary>
    public SimulatedProviderBehavior Reset(string providerId)
    {
        var b = Simulator.Behavior(providerId);
        b.LatencyMin = TimeSpan.FromMilliseconds(20);
        b.LatencyMax = TimeSpan.FromMilliseconds(60);
        b.FailureRate = 0;
        b.ModerationRate = 0;
        b.RateLimitBurst = 0;
        b.ServerErrorBurst = 0;
        b.Stalls = 0;
        b.ClearFaults();
        b.RefusalCode = null;
        b.BusinessCodesAsStrings = false;
        b.StallTarget = FaultTarget.Any;
        b.LostSubmitResponses = 0;
        b.ExpiredResultUrls = 0;
        b.RetryAfter = RetryAfterMode.Seconds;
        b.RetryAfterDelay = TimeSpan.FromSeconds(1);
        b.ResultUrlLifetime = TimeSpan.FromHours(1);
        b.WebhookUrl = null;
        b.SignCallbacks = true;
        b.DuplicateCallbacks = 0;
        b.CallbackDelay = TimeSpan.Zero;
        b.ReorderCallbacks = false;
        b.ForgeCallbacks = false;
        return b;
    }
}
