using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class ReplayTests
{
    [Fact]
    public async Task Changing_the_orchestrator_code_under_a_running_instance_fails_it_with_a_non_determinism_error()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Submit", () => new Activity<string, string>(Task.FromResult))
            .AddActivity("Download", () => new Activity<string, string>(Task.FromResult))
            .AddOrchestrator("Candidate", () => new Orchestrator<string, string>(async (context, _) =>
            {
                await context.CallActivityAsync<string>("Submit", "a");
                context.SetCustomStatus("submitted");
                return await context.WaitForExternalEvent<string>("Done");
            }));
        await harness.StartAsync();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Candidate");
        await harness.WaitForAsync(id, m => m.SerializedCustomStatus is not null);

        var changed = new DurableTaskRegistry()
            .AddActivity("Submit", () => new Activity<string, string>(Task.FromResult))
            .AddActivity("Download", () => new Activity<string, string>(Task.FromResult))
            .AddOrchestrator("Candidate", () => new Orchestrator<string, string>(async (context, _) =>
            {
                await context.CallActivityAsync<string>("Download", "a");
                return await context.WaitForExternalEvent<string>("Done");
            }));
        await harness.RestartAsync(changed);
        await harness.Client.RaiseEventAsync(id, "Done", "x");
        var result = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("activity 'Submit' as task #0", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Download'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewGuid_and_CurrentUtcDateTime_return_the_same_values_on_every_replay()
    {
        var seenByActivity = new ConcurrentQueue<string>();
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Record", () => new Activity<string, string>(value =>
            {
                seenByActivity.Enqueue(value);
                return Task.FromResult(value);
            }))
            .AddOrchestrator("Ids", () => new Orchestrator<string, string[]>(async (context, _) =>
            {
                var first = $"{context.NewGuid()}@{context.CurrentUtcDateTime:O}";
                await context.CallActivityAsync<string>("Record", first);
                await context.CallActivityAsync<string>("Record", "second step");
                var second = context.NewGuid();
                return [first, second.ToString()];
            }));
        await harness.StartAsync();

        var result = (await harness.RunAsync("Ids")).ReadOutputAs<string[]>()!;

        Assert.Equal(seenByActivity.First(), result[0]);
        Assert.NotEqual(result[0].Split('@')[0], result[1]);
    }

    [Fact]
    public async Task A_replay_safe_logger_writes_each_message_once_despite_replays()
    {
        var logger = new CollectingLogger();
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Step", () => new Activity<int, int>(Task.FromResult))
            .AddOrchestrator("Logs", () => new Orchestrator<string, int>(async (context, _) =>
            {
                var log = context.CreateReplaySafeLogger(logger);
                log.LogInformation("starting");
                for (var i = 0; i < 3; i++)
                {
                    await context.CallActivityAsync<int>("Step", i);
                    log.LogInformation("step done");
                }

                return 3;
            }));
        await harness.StartAsync();

        await harness.RunAsync("Logs");

        Assert.Equal(["starting", "step done", "step done", "step done"], logger.Messages);
    }

    [Fact]
    public async Task An_unhandled_orchestrator_exception_fails_the_instance_with_its_details()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("Throws", () => new Orchestrator<string, string>((_, brief) =>
            throw new FormatException($"brief '{brief}' has no shots")));
        await harness.StartAsync();

        var result = await harness.RunAsync("Throws", "b1");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(FormatException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal("brief 'b1' has no shots", result.FailureDetails.ErrorMessage);
        Assert.Null(result.SerializedOutput);
    }

    [Fact]
    public async Task An_instance_of_an_unregistered_orchestrator_fails_naming_it()
    {
        await using var harness = await new EngineHarness().StartAsync();

        var result = await harness.RunAsync("NoSuchOrchestrator");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("NoSuchOrchestrator", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    private sealed class CollectingLogger : ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}
