using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Simulator;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Hostile;

/// <summary>
/// Every adapter against a simulator that spoils its answers on the wire (real loopback HTTP). The rule: a typed
/// failure with a reason, never an escaping exception, never a hang, never a second paid submit.
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HostileWireTests(SimulatorFixture fixture)
{
    /// <summary>Far longer than the 1 s body timeout and 2 s attempt timeout the harness below sets: passing it is a hang.</summary>
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(20);

    public static TheoryData<string, WireFault> SubmitFaults() => Table(
        WireFault.StallBody, WireFault.TruncateBody, WireFault.NotJson, WireFault.EmptyBody, WireFault.WrongTypes, WireFault.DuplicateKeys,
        WireFault.Oversized, WireFault.DuplicateHeaders, WireFault.Status500, WireFault.Status502, WireFault.Status504);

    public static TheoryData<string, WireFault> ReadFaults() => Table(
        WireFault.StallBody, WireFault.TruncateBody, WireFault.NotJson, WireFault.EmptyBody, WireFault.WrongTypes, WireFault.DuplicateKeys,
        WireFault.Oversized, WireFault.DuplicateHeaders, WireFault.Status500, WireFault.Status502, WireFault.Status504, WireFault.RedirectOffHost);

    [Theory]
    [MemberData(nameof(SubmitFaults))]
    public async Task Spoiled_submit_answer_is_adopted_or_in_doubt_and_never_posted_twice(string providerId, WireFault fault)
    {
        var behavior = fixture.Reset(providerId);
        await using var harness = Harness();
        var provider = harness.Provider(providerId);
        var (submits, tasks) = (fixture.Simulator.SubmitsReceived(providerId), fixture.Simulator.TasksCreated(providerId));
        behavior.Inject(fault, FaultTarget.Submits);

        var result = await provider.SubmitAsync(Await.Request(), CancellationToken.None).WaitAsync(HangDeadline);

        Assert.Equal(submits + 1, fixture.Simulator.SubmitsReceived(providerId));
        Assert.Equal(tasks + 1, fixture.Simulator.TasksCreated(providerId));
        if (fault == WireFault.DuplicateHeaders)
        {
            Assert.True(result.Accepted, result.Failure?.Message); // the body was fine
            return;
        }

        // The task exists (and would be billed): adopt it by something unique to the candidate, or say so and stop.
        Assert.True(
            (result.Accepted && result.Reconciled) || result.Failure?.Kind == ProviderFailureKind.InDoubt,
            $"{fault}: {(result.Accepted ? "accepted without reconciling" : $"{result.Failure?.Kind} {result.Failure?.Code}: {result.Failure?.Message}")}");
        Assert.False(string.IsNullOrWhiteSpace(result.Failure?.Message ?? result.TaskId));
    }

    [Theory]
    [MemberData(nameof(ReadFaults))]
    public async Task Spoiled_status_answer_is_a_status_or_a_typed_failure_with_a_reason(string providerId, WireFault fault)
    {
        var behavior = fixture.Reset(providerId);
        await using var harness = Harness();
        var provider = harness.Provider(providerId);
        var submitted = await provider.SubmitAsync(Await.Request(), CancellationToken.None);
        Assert.True(submitted.Accepted, submitted.Failure?.Message);
        behavior.Inject(fault, FaultTarget.Reads);

        try
        {
            var status = await provider.GetStatusAsync(submitted.TaskId!, CancellationToken.None).WaitAsync(HangDeadline);
            Assert.Equal(submitted.TaskId, status.TaskId); // retried past the fault, or the fault left the JSON readable
        }
        catch (ProviderCallException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Failure.Message));
            Assert.NotEqual(ProviderFailureCodes.Unknown, ex.Failure.Code);
        }

        Assert.Equal(0, fixture.Simulator.CredentialsSentOffHost);
    }

    private ProviderHarness Harness() => new(fixture.Simulator, settings =>
    {
        foreach (var section in new[] { "Runway", "Kling", "VeoGemini", "GeminiOmni", "VeoVertex", "Sora", "Replicate", "Xai", "Fal" })
        {
            settings[$"Providers:{section}:BodyTimeout"] = "00:00:01";
        }

        settings["Providers:VeoVertex:MaxResultBytes"] = "1048576"; // so its JSON cap (inline videos) is the common 8 MiB
    });

    private static TheoryData<string, WireFault> Table(params WireFault[] faults)
    {
        var data = new TheoryData<string, WireFault>();
        foreach (var provider in new[] { ProviderIds.Runway, ProviderIds.Kling, ProviderIds.VeoGemini, ProviderIds.GeminiOmni, ProviderIds.VeoVertex, ProviderIds.Sora, ProviderIds.Replicate, ProviderIds.Xai, ProviderIds.Fal })
        {
            foreach (var fault in faults)
            {
                data.Add(provider, fault);
            }
        }

        return data;
    }
}
