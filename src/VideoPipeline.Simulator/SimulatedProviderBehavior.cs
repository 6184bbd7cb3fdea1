namespace VideoPipeline.Simulator;

/// <summary>
/// How one simulated provider behaves; change it while the simulator runs. Counters such as
/// <see cref="RateLimitBurst"/> count down as requests use them up.
/// </summary>
public sealed class SimulatedProviderBehavior
{
    private int _rateLimitBurst;
    private int _lostSubmitResponses;
    private int _serverErrorBurst;
    private int _stalls;
    private int _expiredResultUrls;
    private readonly List<PendingFault> _faults = [];

    /// <summary>Shortest time from submit to a finished task.</summary>
    public TimeSpan LatencyMin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest time from submit to a finished task (uniformly distributed between the two).</summary>
    public TimeSpan LatencyMax { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of tasks that fail for the provider's own reasons (0–1).</summary>
    public double FailureRate { get; set; }

    /// <summary>Share of tasks refused by the provider's safety system (0–1).</summary>
    public double ModerationRate { get; set; }

    /// <summary>The next this many submits and status reads are answered 429.</summary>
    public int RateLimitBurst
    {
        get => Volatile.Read(ref _rateLimitBurst);
        set => Volatile.Write(ref _rateLimitBurst, value);
    }

    public RetryAfterMode RetryAfter { get; set; } = RetryAfterMode.Seconds;

    /// <summary>The wait a 429 asks for (rounded up to whole seconds for Seconds and HttpDate).</summary>
    public TimeSpan RetryAfterDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The next this many submits create their task and then drop the connection without answering.</summary>
    public int LostSubmitResponses
    {
        get => Volatile.Read(ref _lostSubmitResponses);
        set => Volatile.Write(ref _lostSubmitResponses, value);
    }

    /// <summary>How long a result URL works; each status query hands out a fresh one.</summary>
    public TimeSpan ResultUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Where provider-wide webhooks go (Sora project webhook, Gemini static webhook); null sends none.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Sign callbacks as the provider does; false sends them unsigned (a misconfigured or spoofed sender).</summary>
    public bool SignCallbacks { get; set; } = true;

    /// <summary>Send every callback this many extra times.</summary>
    public int DuplicateCallbacks { get; set; }

    /// <summary>Wait this long after a task finishes before calling back.</summary>
    public TimeSpan CallbackDelay { get; set; }

    /// <summary>After the final callback, send a stale earlier-state one (out of order).</summary>
    public bool ReorderCallbacks { get; set; }

    /// <summary>Also send a forged callback (bad signature, opposite outcome) for every task.</summary>
    public bool ForgeCallbacks { get; set; }

    /// <summary>The next this many requests (submits and reads) are answered 503.</summary>
    public int ServerErrorBurst
    {
        get => Volatile.Read(ref _serverErrorBurst);
        set => Volatile.Write(ref _serverErrorBurst, value);
    }

    /// <summary>The next this many requests are held for <see cref="StallDuration"/> before being handled (client timeouts).</summary>
    public int Stalls
    {
        get => Volatile.Read(ref _stalls);
        set => Volatile.Write(ref _stalls, value);
    }

    public TimeSpan StallDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Which requests <see cref="Stalls"/> holds.</summary>
    public FaultTarget StallTarget { get; set; }

    /// <summary>Kling only: send business codes as strings (<c>"code": "1302"</c>), as Kling sometimes does.</summary>
    public bool BusinessCodesAsStrings { get; set; }

    /// <summary>Kling only: while set, every request is refused with this business code under HTTP 429 (1100–1102 account, 1304 IP allow-list).</summary>
    public int? RefusalCode { get; set; }

    /// <summary>The next this many result URLs handed out have already expired.</summary>
    public int ExpiredResultUrls
    {
        get => Volatile.Read(ref _expiredResultUrls);
        set => Volatile.Write(ref _expiredResultUrls, value);
    }

    /// <summary>The next <paramref name="count"/> requests <paramref name="target"/> covers meet <paramref name="fault"/>.</summary>
    public void Inject(WireFault fault, FaultTarget target = FaultTarget.Any, int count = 1)
    {
        lock (_faults)
        {
            _faults.Add(new PendingFault(fault, target, count));
        }
    }

    /// <summary>Forgets every injected fault not yet used.</summary>
    public void ClearFaults()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    internal WireFault? TakeFault(bool isSubmit)
    {
        lock (_faults)
        {
            var due = _faults.FindIndex(f => f.Target == FaultTarget.Any || (f.Target == FaultTarget.Submits) == isSubmit);
            if (due < 0)
            {
                return null;
            }

            var fault = _faults[due];
            if (--fault.Remaining <= 0)
            {
                _faults.RemoveAt(due);
            }

            return fault.Fault;
        }
    }

    internal bool TakeRateLimit() => Take(ref _rateLimitBurst);

    internal bool TakeServerError() => Take(ref _serverErrorBurst);

    internal bool TakeStall() => Take(ref _stalls);

    internal bool TakeExpiredUrl() => Take(ref _expiredResultUrls);

    internal bool TakeLostResponse() => Take(ref _lostSubmitResponses);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private sealed class PendingFault(WireFault fault, FaultTarget target, int remaining)
    {
        public WireFault Fault { get; } = fault;

        public FaultTarget Target { get; } = target;

        public int Remaining { get; set; } = remaining;
    }
}
