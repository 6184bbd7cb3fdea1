namespace VideoPipeline.Engine.Replay;

/// <summary>
/// Runs every continuation of orchestrator code on the episode's own thread, in the order posted, so awaits resume
/// deterministically on replay. Work posted after the episode (an await on a non-durable task) is dropped.
/// </summary>
internal sealed class OrchestratorSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private bool _closed;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            if (!_closed)
            {
                _queue.Enqueue((d, state));
            }
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code runs on one thread; synchronous sends are not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations, and whatever they post, until none is left.</summary>
    public void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_queue)
            {
                if (!_queue.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }

    public void Close()
    {
        lock (_queue)
        {
            _closed = true;
            _queue.Clear();
        }
    }
}
