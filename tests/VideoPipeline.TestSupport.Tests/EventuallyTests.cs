namespace VideoPipeline.TestSupport.Tests;

public sealed class EventuallyTests
{
    [Fact]
    public async Task The_first_value_that_meets_the_condition_is_returned()
    {
        var reads = 0;

        var value = await Eventually.ValueAsync(() => Task.FromResult(++reads), n => n >= 3, "the counter");

        Assert.Equal(3, value);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_condition_never_met_fails_naming_what_was_awaited_and_the_last_value()
    {
        var ex = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.ValueAsync(() => Task.FromResult("pending"), s => s == "done", "the job status", TimeSpan.FromMilliseconds(50)));

        Assert.Equal("the job status did not reach the expected state in time; last seen: pending", ex.Message);
    }
}
