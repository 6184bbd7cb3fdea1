using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

/// <summary>
/// Kling as its API documentation describes it: business codes (as numbers or strings), account refusals under 429,
/// route-token callbacks. The fixture resets the behaviour each test changes before the next one.
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KlingFidelityTests(SimulatorFixture fixture) : SimulatorTest(fixture, ProviderIds.Kling)
{
    [Theory]
    [InlineData(1100, ProviderFailureCodes.AccountBlocked)]
    [InlineData(1101, ProviderFailureCodes.AccountBlocked)]
    [InlineData(1102, ProviderFailureCodes.AccountBlocked)]
    [InlineData(1304, ProviderFailureCodes.Unauthorized)]
    public async Task Account_and_allow_list_refusals_under_429_are_permanent_and_never_retried(int code, string expected)
    {
        Behavior.RefusalCode = code;
        var (submits, requests) = (Sim.SubmitsReceived(ProviderIds.Kling), Sim.RequestsReceived(ProviderIds.Kling));
        var result = await Provider.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(expected, result.Failure?.Code);
        Assert.Equal(ProviderFailureKind.Permanent, result.Failure!.Kind);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Failure.ProviderCode);
        Assert.Equal(submits, Sim.SubmitsReceived(ProviderIds.Kling)); // refused at the lookup before the post: nothing was posted
        Assert.Equal(requests + 1, Sim.RequestsReceived(ProviderIds.Kling)); // and not retried as if it were throttling
    }

    [Fact]
    public async Task The_allow_list_refusal_says_what_to_fix()
    {
        Behavior.RefusalCode = 1304;
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Provider.GetStatusAsync("1", CancellationToken.None));

        Assert.Contains("allow-list", ex.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_codes_sent_as_strings_are_read_as_codes()
    {
        Behavior.BusinessCodesAsStrings = true;
        Behavior.ModerationRate = 1;
        var result = await Provider.SubmitAsync(Await.Request(), CancellationToken.None);

        Assert.Equal(ProviderFailureCodes.Moderated, result.Failure?.Code);
        Assert.Equal("1301", result.Failure!.ProviderCode);
    }

    [Fact]
    public async Task Rate_limit_sent_as_a_string_code_is_still_retried()
    {
        Behavior.BusinessCodesAsStrings = true;
        Behavior.RateLimitBurst = 1;
        Assert.True((await Provider.SubmitAsync(Await.Request(), CancellationToken.None)).Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kling-route-token-012345678X")]
    [InlineData("kling-route-token-0123456789-longer")]
    public async Task Callback_without_our_route_token_is_rejected(string? token)
    {
        var callback = new ProviderCallback(new Dictionary<string, string>(), """{"task_id":"123","task_status":"succeed"}"""u8.ToArray(), token);

        var verdict = await Provider.VerifyCallbackAsync(callback, CancellationToken.None);

        Assert.Equal(CallbackTrust.Rejected, verdict.Trust);
    }

    [Fact]
    public async Task Callback_with_our_route_token_is_a_hint()
    {
        var callback = new ProviderCallback(new Dictionary<string, string>(), """{"task_id":"123","task_status":"succeed"}"""u8.ToArray(), ProviderHarness.KlingCallbackToken);

        var verdict = await Provider.VerifyCallbackAsync(callback, CancellationToken.None);

        Assert.Equal(CallbackTrust.Hint, verdict.Trust);
        Assert.Equal("123", verdict.TaskId);
    }

    [Fact]
    public async Task The_callback_url_sent_to_Kling_carries_the_route_token()
    {
        var submitted = await Provider.SubmitAsync(Await.Request(callback: Sim.SinkUrl), CancellationToken.None);
        var delivered = (await Sim.WaitForCallbacksAsync(submitted.TaskId!, 1, Await.Deadline))[0];

        Assert.EndsWith("/" + ProviderHarness.KlingCallbackToken, delivered.Target.AbsolutePath, StringComparison.Ordinal);
    }
}
