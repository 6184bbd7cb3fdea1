using System.Text.Json.Nodes;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Runway;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

/// <summary>Runway as its SDK and docs describe it, against a simulator that refuses what Runway refuses.</summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class RunwayFidelityTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Runway)
{
    [Theory]
    [InlineData(1001)]
    [InlineData(2000)]
    public async Task Prompt_over_1000_characters_is_refused_with_the_reason_before_anything_is_sent(int length)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.Runway);

        var result = await Provider.SubmitAsync(Await.Request(prompt: new string('a', length)), CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Unsupported, result.Failure?.Code);
        Assert.Contains("1000", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Runway));
    }

    [Fact]
    public async Task Prompt_of_exactly_1000_characters_is_sent_and_accepted()
    {
        var result = await Provider.SubmitAsync(Await.Request(prompt: new string('a', 1000)), CancellationToken.None);

        Assert.True(result.Accepted, result.Failure?.Message);
    }

    [Fact]
    public async Task Validation_error_with_a_string_error_and_issues_is_a_permanent_refusal_with_the_reasons()
    {
        var result = await Provider.SubmitAsync(Await.Request() with { Model = "gen9-does-not-exist" }, CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Rejected, result.Failure?.Code);
        Assert.Equal(ProviderFailureKind.Permanent, result.Failure!.Kind);
        Assert.Contains("Validation of body failed", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("model", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_an_unknown_task_is_not_found_not_a_retried_malformed_answer()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Provider.GetStatusAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(ProviderFailureCodes.NotFound, ex.Failure.Code);
        Assert.False(ex.Failure.IsRetryable);
        Assert.Contains("Task not found", ex.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "SAFETY.INPUT.TEXT")]
    [InlineData(7, "INPUT_PREPROCESSING.SAFETY.TEXT")]
    public async Task Both_safety_code_families_are_moderation(long seed, string code)
    {
        Behavior.ModerationRate = 1;
        var submitted = await Provider.SubmitAsync(Await.Request(seed: seed), CancellationToken.None);

        var status = await Await.TerminalAsync(Provider, submitted.TaskId!);

        Assert.Equal(ProviderFailureKind.Moderation, status.Failure?.Kind);
        Assert.Equal(code, status.Failure!.ProviderCode);
    }

    [Theory]
    [InlineData("SAFETY.INPUT.IMAGE", ProviderFailureKind.Moderation)]
    [InlineData("SAFETY.OUTPUT.VIDEO", ProviderFailureKind.Moderation)]
    [InlineData("INPUT_PREPROCESSING.SAFETY.THIRD_PARTY", ProviderFailureKind.Moderation)]
    [InlineData("INTERNAL.BAD_OUTPUT.CODE01", ProviderFailureKind.Transient)]
    [InlineData("THROTTLED", ProviderFailureKind.Transient)]
    [InlineData("ASSET.INVALID", ProviderFailureKind.Permanent)]
    public void Failure_codes_map_to_kinds(string code, ProviderFailureKind kind) =>
        Assert.Equal(kind, RunwayProvider.FailureOf(new JsonObject { ["failureCode"] = code, ["failure"] = "x" }).Kind);

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public async Task Durations_Runway_cannot_make_are_refused_before_sending(int seconds)
    {
        var submits = Sim.SubmitsReceived(ProviderIds.Runway);

        var result = await Provider.SubmitAsync(Await.Request() with { DurationSeconds = seconds }, CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Unsupported, result.Failure?.Code);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Runway));
    }
}
