using VideoPipeline.TestSupport;
using VideoPipeline.TestSupport.Durable;
using VideoPipeline.TestSupport.Durable.Probes;

namespace VideoPipeline.Durable.Tests;

/// <summary>One running runtime per test class with every probe registered; tests keep apart by instance id.</summary>
public abstract class RuntimeFixture : IAsyncLifetime
{
    private RuntimeHarness? _harness;

    public RuntimeHarness Harness => _harness ?? throw new InvalidOperationException("not started");

    public virtual async Task InitializeAsync() => _harness = await RuntimeHarness.StartAsync(ProbeTasks.Register, await ConnectionStringAsync());

    public virtual async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>null for the in-memory service.</summary>
    protected abstract Task<string?> ConnectionStringAsync();
}

public sealed class InMemoryRuntimeFixture : RuntimeFixture
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}

/// <summary>Its own Azurite: xunit 2 class fixtures cannot take a collection fixture.</summary>
public sealed class AzuriteRuntimeFixture : RuntimeFixture
{
    private readonly AzuriteFixture _azurite = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    protected override async Task<string?> ConnectionStringAsync()
    {
        await _azurite.InitializeAsync();
        return _azurite.ConnectionString;
    }
}
