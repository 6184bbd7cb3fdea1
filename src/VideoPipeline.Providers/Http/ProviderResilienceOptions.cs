namespace VideoPipeline.Providers.Http;

/// <summary>Retry and timeout settings shared by every provider client (section <c>Providers:Resilience</c>).</summary>
public sealed class ProviderResilienceOptions
{
    public const string SectionName = "Providers:Resilience";

    /// <summary>Retries after the first attempt (reads, and submits the provider refused with 429).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay when the provider gave no Retry-After; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait honoured from a Retry-After header; longer asks are capped to this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt's time limit. A submit that times out is in doubt and is reconciled, not re-sent.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
