namespace VideoPipeline.Engine.Tests;

/// <summary>Polls a condition with a deadline instead of sleeping for a guessed time.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? EngineHarness.Deadline);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not reach the expected state in time; last seen: {value}");
            }

            await Task.Delay(10);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what) =>
        ValueAsync(() => Task.FromResult(condition()), ok => ok, what);
}
