namespace VideoPipeline.Workflows;

/// <summary>How the pipeline runs jobs (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>The https base URL providers can reach this host's <c>/api/webhooks</c> at; empty means no per-request callbacks (polling only).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Shots generated at once per job.</summary>
    public int MaxParallelShots { get; set; } = 4;

    /// <summary>Attempts per candidate slot: the first route and its fallbacks after a failure, moderation or lost submit.</summary>
    public int MaxAttemptsPerSlot { get; set; } = 2;

    /// <summary>Human-review rounds a shot may run (the first included) when reviewers reject with feedback.</summary>
    public int MaxReviewRounds { get; set; } = 3;

    /// <summary>The first status check of a task without a webhook, per provider id; providers not listed use <see cref="DefaultFirstCheck"/>.</summary>
    public Dictionary<string, TimeSpan> FirstCheck { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["local"] = TimeSpan.FromSeconds(1),
        ["runway"] = TimeSpan.FromSeconds(30),
        ["kling"] = TimeSpan.FromSeconds(60),
        ["veo-gemini"] = TimeSpan.FromSeconds(40),
        ["veo-vertex"] = TimeSpan.FromSeconds(40),
        ["sora"] = TimeSpan.FromSeconds(60),
    };

    public TimeSpan DefaultFirstCheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between status checks once they back off.</summary>
    public TimeSpan LongestCheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after its submit a candidate is given up.</summary>
    public TimeSpan CandidateDeadline { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The largest result file a candidate may download.</summary>
    public long MaxResultBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The Standard Webhooks secret (<c>whsec_…</c>) that signs the job-completion callback; empty: callbacks are unsigned.</summary>
    public string? CallbackSecret { get; set; }
}
