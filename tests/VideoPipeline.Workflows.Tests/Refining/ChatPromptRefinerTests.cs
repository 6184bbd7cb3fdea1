using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.TestSupport;
using VideoPipeline.Workflows.Refining;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Tests.Refining;

/// <summary>
/// The chat-completions refiner over real loopback HTTP, resolved from the workflows' own registration: a good answer is
/// used; every bad, late or foreign answer falls back to the deterministic refiner with a logged reason, never an exception.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ChatPromptRefinerTests : IAsyncLifetime
{
    private const string Key = "sk-test-refiner-key-0123456789";
    private const string Prompt = "A red kite over a green hill, slow pan";
    private const string Feedback = "the kite should be blue";
    private FakeChatEndpoint _endpoint = null!;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _services = [];

    public async Task InitializeAsync() => _endpoint = await FakeChatEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_good_answer_is_the_new_prompt_and_the_request_carries_the_model_key_schema_and_both_texts()
    {
        _endpoint.Answer = context => Chat(context, JsonSerializer.Serialize(new { prompt = "A blue kite over a green hill, slow pan" }));

        var refined = await Refiner().RefineAsync(Prompt, Feedback, CancellationToken.None);

        Assert.Equal("A blue kite over a green hill, slow pan", refined);
        var request = Assert.Single(_endpoint.Received);
        Assert.Equal(("POST", "/v1/chat/completions", $"Bearer {Key}"), (request.Method, request.Path, request.Authorization));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("test-model", body["model"]!.GetValue<string>());
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.True(body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>());
        var user = body["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Contains(Prompt, user, StringComparison.Ordinal);
        Assert.Contains(Feedback, user, StringComparison.Ordinal);
        Assert.Empty(FellBack());
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "500", "HTTP 500" },
        { "429", "HTTP 429" },
        { "not json", "not the expected JSON" },
        { "no choices", "no choices[0].message.content" },
        { "choices not a list", "no choices[0].message.content" },
        { "content a list", "not a JSON object with a prompt" },
        { "content not json", "not the expected JSON" },
        { "content without prompt", "not a JSON object with a prompt" },
        { "empty prompt", "empty" },
        { "over-long prompt", "characters, over" },
        { "control characters", "control characters" },
        { "oversized", "over 4096 bytes" },
        { "oversized, no length", "over 4096 bytes" },
        { "stalled headers", "deadline" },
        { "stalled body", "deadline" },
        { "connection dropped", "failed|deadline" }, // a reset, or under load the reset loses the race with the deadline
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_late_or_broken_answer_falls_back_to_the_deterministic_refiner_with_the_reason_logged(string answer, string reason)
    {
        _endpoint.Answer = answer switch
        {
            "500" => context => Status(context, 500),
            "429" => context => Status(context, 429),
            "not json" => context => context.Response.WriteAsync("<html>gateway</html>"),
            "no choices" => context => context.Response.WriteAsync("""{"choices":[]}"""),
            "choices not a list" => context => context.Response.WriteAsync("""{"choices":{"0":1}}"""),
            "content a list" => context => Chat(context, "[\"a blue kite\"]"),
            "content not json" => context => Chat(context, "Sure! Here is a better prompt: a blue kite"),
            "content without prompt" => context => Chat(context, """{"text":"a blue kite"}"""),
            "empty prompt" => context => Chat(context, """{"prompt":"   "}"""),
            "over-long prompt" => context => Chat(context, JsonSerializer.Serialize(new { prompt = new string('k', JobLimits.MaxPromptLength + 1) })),
            "control characters" => context => Chat(context, JsonSerializer.Serialize(new { prompt = "a blue kite\u0007" })),
            "oversized" => context => Chat(context, JsonSerializer.Serialize(new { prompt = new string('k', 5000) })),
            "oversized, no length" => async context =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await context.Response.WriteAsync(new string(' ', 1000));
                    await context.Response.Body.FlushAsync();
                }
            }
            ,
            "stalled headers" => context => Task.Delay(Timeout.Infinite, context.RequestAborted),
            "stalled body" => async context =>
            {
                context.Response.ContentLength = 100;
                await context.Response.WriteAsync("{\"choices\":");
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            ,
            "connection dropped" => context =>
            {
                context.Abort();
                return Task.CompletedTask;
            }
            ,
            _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
        };

        var refined = await Refiner().RefineAsync(Prompt, Feedback, CancellationToken.None);

        Assert.Equal(await new FeedbackPromptRefiner().RefineAsync(Prompt, Feedback, CancellationToken.None), refined);
        var line = Assert.Single(FellBack());
        Assert.True(reason.Split('|').Any(r => line.Contains(r, StringComparison.Ordinal)), $"'{reason}' not in: {line}");
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_so_the_key_never_leaves_the_configured_host()
    {
        await using var elsewhere = await FakeChatEndpoint.StartAsync();
        elsewhere.Answer = context => Chat(context, """{"prompt":"from another host"}""");
        _endpoint.Answer = context =>
        {
            context.Response.StatusCode = 308;
            context.Response.Headers.Location = new Uri(elsewhere.Root, "chat/completions").ToString();
            return Task.CompletedTask;
        };

        var refined = await Refiner().RefineAsync(Prompt, Feedback, CancellationToken.None);

        Assert.DoesNotContain("another host", refined, StringComparison.Ordinal);
        Assert.Single(_endpoint.Received);
        Assert.Empty(elsewhere.Received);
        Assert.Contains("HTTP 308", Assert.Single(FellBack()), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_base_url_the_deterministic_refiner_is_the_one_registered()
    {
        var services = Services(new Dictionary<string, string?>());

        Assert.IsType<FeedbackPromptRefiner>(services.GetRequiredService<IPromptRefiner>());
    }

    private IPromptRefiner Refiner()
    {
        var services = Services(new Dictionary<string, string?>
        {
            ["Pipeline:Refiner:BaseUrl"] = _endpoint.Root.ToString(),
            ["Pipeline:Refiner:Model"] = "test-model",
            ["Pipeline:Refiner:ApiKey"] = Key,
            ["Pipeline:Refiner:RequestTimeout"] = "00:00:05", // room for a loaded machine; the stalled cases wait it out
            ["Pipeline:Refiner:BodyTimeout"] = "00:00:03",
            ["Pipeline:Refiner:MaxResponseBytes"] = "4096",
        });
        return Assert.IsType<ChatPromptRefiner>(services.GetRequiredService<IPromptRefiner>());
    }

    private List<string> FellBack() => [.. _logs.Lines.Where(l => l.Contains("chat refiner", StringComparison.Ordinal))];

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddVideoPipelineWorkflows(configuration);
        var provider = services.BuildServiceProvider();
        _services.Add(provider);
        return provider;
    }

    private static Task Chat(HttpContext context, string content)
    {
        var answer = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer.ToJsonString());
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync("""{"error":{"message":"no"}}""");
    }
}
