namespace VideoPipeline.Providers.Tests.Support;

/// <summary>Tests sharing the simulator run one after another, so one test's behaviour never leaks into another's.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulator";
}
