using System.Text;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Hostile;

/// <summary>
/// Callbacks anyone can post: malformed, truncated, wrongly typed, duplicated, oversized bodies and missing or garbage
/// headers. The rule: a verdict (rejected, or a hint when the provider signs nothing), never an exception, never trusted.
/// </summary>
[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HostileCallbackTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private readonly ProviderHarness _harness = new(fixture.Simulator);

    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["not json"] = "<html>hello</html>",
        ["truncated"] = """{"task_id":"12""",
        ["empty"] = string.Empty,
        ["a bare string"] = "\"task\"",
        ["wrong types"] = """{"task_id":{"a":1},"type":42,"data":"x","name":[1],"done":"yes","id":7}""",
        ["duplicated keys"] = """{"task_id":"1","task_id":2,"type":"video.completed","type":{},"data":{"id":"v"},"data":3}""",
        ["deep nesting"] = new string('[', 5000) + new string(']', 5000),
        ["oversized"] = "{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}",
        ["invalid utf-8"] = "\uFFFD",
    };
    private static readonly Dictionary<string, string> HeaderSets = new()
    {
        ["no headers"] = string.Empty,
        ["garbage headers"] = "webhook-id=;webhook-timestamp=yesterday;webhook-signature=v1,@@@",
        ["a stale jwt"] = "webhook-id=m;webhook-timestamp=1;webhook-signature=eyJhbGciOiJSUzI1NiJ9.e30.AAAA",
        ["huge timestamp"] = "webhook-id=m;webhook-timestamp=99999999999999999999999;webhook-signature=v1,AAAA",
        ["garbage fal headers"] = "x-fal-webhook-request-id=../../x;x-fal-webhook-user-id=u\nv;x-fal-webhook-timestamp=-1;x-fal-webhook-signature=zz",
        ["fal headers with a zero signature"] = "x-fal-webhook-request-id=12;x-fal-webhook-user-id=simulator-fal-user;x-fal-webhook-timestamp=1700000000;x-fal-webhook-signature=" + new string('0', 128),
    };

    public static TheoryData<string, string, string> Deliveries()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in new[] { ProviderIds.Runway, ProviderIds.Kling, ProviderIds.VeoGemini, ProviderIds.GeminiOmni, ProviderIds.VeoVertex, ProviderIds.Sora, ProviderIds.Fal })
        {
            foreach (var body in Bodies.Keys)
            {
                foreach (var header in HeaderSets.Keys)
                {
                    data.Add(provider, body, header);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task Hostile_callback_gets_a_verdict_never_an_exception_and_is_never_trusted(string providerId, string body, string headers)
    {
        var callback = new ProviderCallback(Headers(headers), Body(body), ProviderHarness.KlingCallbackToken);

        var verdict = await _harness.Provider(providerId).VerifyCallbackAsync(callback, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotEqual(CallbackTrust.Authoritative, verdict.Trust);
        if (verdict.Trust == CallbackTrust.Rejected)
        {
            Assert.False(string.IsNullOrWhiteSpace(verdict.RejectReason));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static byte[] Body(string name) => name == "invalid utf-8" ? [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D] : Encoding.UTF8.GetBytes(BodyText(name));

    private static string BodyText(string name) => Bodies[name];

    private static Dictionary<string, string> Headers(string name) =>
        HeaderSets[name].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
}
