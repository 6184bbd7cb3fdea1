namespace VideoPipeline.Engine;

/// <summary>
/// Due times of pending durable timers, earliest first, with one loop that wakes instances when their timers are due.
/// Only (instance, time) pairs live here: the timers themselves are inbox rows, reloaded from SQLite on start.
/// </summary>
internal sealed class TimerQueue(TimeProvider time, Action<string> onDue)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan ClockJump = TimeSpan.FromMilliseconds(50);

    private readonly PriorityQueue<string, DateTime> _queue = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string instanceId, DateTime fireAt)
    {
        lock (_lock)
        {
            _queue.Enqueue(instanceId, fireAt);
            _changed.TrySetResult();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            TimeSpan wait;
            DateTime now;
            lock (_lock)
            {
                now = time.GetUtcNow().UtcDateTime;
                while (_queue.TryPeek(out var instanceId, out var fireAt) && fireAt <= now)
                {
                    _queue.Dequeue();
                    onDue(instanceId);
                }

                // Capped so that far-off timers stay within Task.Delay's range; the loop simply looks again.
                wait = _queue.TryPeek(out _, out var next) ? TimeSpan.FromTicks(Math.Min((next - now).Ticks, MaxWait.Ticks)) : Timeout.InfiniteTimeSpan;
                if (_changed.Task.IsCompleted)
                {
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed = _changed.Task;
            }

            using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, delayCancel.Token) : Task.Delay(wait, time, delayCancel.Token);

            // If the clock jumped between reading it and arming the delay (a test clock advanced), the delay would
            // overshoot by the jump: look again instead of waiting.
            if (time.GetUtcNow().UtcDateTime - now < ClockJump)
            {
                await Task.WhenAny(delay, changed);
            }

            await delayCancel.CancelAsync();
            await delay.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
