using System.Collections.Concurrent;
using System.Diagnostics;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Tests;

public sealed class ActivityTests
{
    [Fact]
    public async Task Activity_results_flow_back_into_the_orchestration_and_its_output_is_recorded()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Double", () => new Activity<int, int>(x => Task.FromResult(x * 2)))
            .AddOrchestrator("Sum", () => new Orchestrator<int[], int>(async (context, numbers) =>
            {
                var doubled = await Task.WhenAll(numbers.Select(n => context.CallActivityAsync<int>("Double", n)));
                return doubled.Sum();
            }));
        await harness.StartAsync();

        var result = await harness.RunAsync("Sum", new[] { 1, 2, 3, 4 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(20, result.ReadOutputAs<int>());
        Assert.Equal(new[] { 1, 2, 3, 4 }, result.ReadInputAs<int[]>());
    }

    [Fact]
    public async Task A_failed_activity_surfaces_as_TaskFailedException_with_its_failure_details()
    {
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Explode", () => new Activity<string, string>(message => throw new InvalidOperationException(message, new TimeoutException("inner cause"))))
            .AddOrchestrator("Catch", () => new Orchestrator<string, string[]>(async (context, message) =>
            {
                try
                {
                    await context.CallActivityAsync<string>("Explode", message);
                    return ["no failure"];
                }
                catch (TaskFailedException ex)
                {
                    return [ex.TaskName, ex.FailureDetails.ErrorType, ex.FailureDetails.ErrorMessage, ex.FailureDetails.InnerFailure?.ErrorType ?? "no inner",
                        ex.FailureDetails.IsCausedBy<InvalidOperationException>().ToString(), ex.FailureDetails.StackTrace is null ? "no stack" : "stack"];
                }
            }));
        await harness.StartAsync();

        var result = await harness.RunAsync("Catch", "provider said no");

        Assert.Equal(
            ["Explode", typeof(InvalidOperationException).FullName!, "provider said no", typeof(TimeoutException).FullName!, "True", "stack"],
            result.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task A_retried_activity_runs_exactly_the_configured_number_of_times_with_growing_delays()
    {
        var attempts = new ConcurrentQueue<long>();
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Flaky", () => new Activity<string, string>(_ =>
            {
                attempts.Enqueue(Stopwatch.GetTimestamp());
                throw new HttpRequestException("503 from provider");
            }))
            .AddOrchestrator("Retry", () => new Orchestrator<string, string>((context, _) =>
                context.CallActivityAsync<string>("Flaky", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(100), backoffCoefficient: 2)))));
        await harness.StartAsync();

        var result = await harness.RunAsync("Retry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal(typeof(HttpRequestException).FullName, result.FailureDetails.InnerFailure!.ErrorType);
        var times = attempts.ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(95), "first retry waits the first interval");
        Assert.True(Stopwatch.GetElapsedTime(times[1], times[2]) >= TimeSpan.FromMilliseconds(195), "second retry waits twice as long");
    }

    [Fact]
    public async Task A_retry_policy_handle_filter_stops_retrying_failures_it_does_not_handle()
    {
        var attempts = 0;
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("Moderated", () => new Activity<string, string>(_ =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException("SAFETY.INPUT: rejected by moderation");
            }))
            .AddOrchestrator("RetryTransientOnly", () => new Orchestrator<string, string>((context, _) =>
                context.CallActivityAsync<string>("Moderated", options: TaskOptions.FromRetryPolicy(
                    new RetryPolicy(5, TimeSpan.FromMilliseconds(10)) { HandleTaskFailureDetails = details => !details.IsCausedBy<ArgumentException>() }))));
        await harness.StartAsync();

        var result = await harness.RunAsync("RetryTransientOnly");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task An_activity_that_succeeds_on_a_retry_returns_its_result()
    {
        var attempts = 0;
        await using var harness = new EngineHarness();
        harness.Registry
            .AddActivity("SecondTimeLucky", () => new Activity<string, string>(_ =>
                Interlocked.Increment(ref attempts) < 2 ? throw new IOException("connection reset") : Task.FromResult("ok")))
            .AddOrchestrator("Retry", () => new Orchestrator<string, string>((context, _) =>
                context.CallActivityAsync<string>("SecondTimeLucky", options: TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(10))))));
        await harness.StartAsync();

        var result = await harness.RunAsync("Retry");

        Assert.Equal("ok", result.ReadOutputAs<string>());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task An_activity_that_is_not_registered_fails_the_call_with_its_name()
    {
        await using var harness = new EngineHarness();
        harness.Registry.AddOrchestrator("CallsMissing", () => new Orchestrator<string, string>((context, _) => context.CallActivityAsync<string>("NoSuchActivity")));
        await harness.StartAsync();

        var result = await harness.RunAsync("CallsMissing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("NoSuchActivity", result.FailureDetails!.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }
}
