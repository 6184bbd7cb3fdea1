using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Tests;

public sealed class ProviderTaskStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ProviderTaskState.Succeeded, ProviderTaskState.Running)]
    [InlineData(ProviderTaskState.Succeeded, ProviderTaskState.Failed)]
    [InlineData(ProviderTaskState.Failed, ProviderTaskState.Succeeded)]
    [InlineData(ProviderTaskState.Failed, ProviderTaskState.Queued)]
    [InlineData(ProviderTaskState.Running, ProviderTaskState.Queued)]
    public void A_later_observation_never_moves_a_state_back_or_off_a_terminal_state(ProviderTaskState kept, ProviderTaskState late)
    {
        var current = new ProviderTaskStatus("t", kept, T0);

        Assert.Equal(kept, current.Advance(new ProviderTaskStatus("t", late, T0.AddMinutes(1))).State);
    }

    [Fact]
    public void A_running_task_moves_forward_to_a_terminal_state()
    {
        var running = new ProviderTaskStatus("t", ProviderTaskState.Running, T0);

        Assert.Equal(ProviderTaskState.Succeeded, running.Advance(new ProviderTaskStatus("t", ProviderTaskState.Succeeded, T0)).State);
    }

    [Fact]
    public void A_succeeded_task_takes_fresh_result_urls_but_nothing_else()
    {
        var done = new ProviderTaskStatus("t", ProviderTaskState.Succeeded, T0, [new Uri("https://cdn.example/old.mp4")]);

        var refreshed = done.Advance(new ProviderTaskStatus("t", ProviderTaskState.Succeeded, T0.AddHours(1), [new Uri("https://cdn.example/new.mp4")]));

        Assert.Equal("https://cdn.example/new.mp4", refreshed.ResultUrls![0].ToString());
    }

    [Fact]
    public void Another_tasks_status_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ProviderTaskStatus("a", ProviderTaskState.Running, T0).Advance(new ProviderTaskStatus("b", ProviderTaskState.Succeeded, T0)));
}
