namespace VideoPipeline.Providers.Sora;

/// <summary>
/// Section <c>Providers:Sora</c>. OpenAI shut the Sora video API down on 2026-09-24: the adapter is kept
/// for the record and for compatible endpoints (set <c>BaseUrl</c>), and is never routed to by default.
/// </summary>
public sealed class SoraOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Sora";

    public SoraOptions() => Model = "sora-2";

    public string? ApiKey { get; set; }

    /// <summary>The project webhook's <c>whsec_</c> signing secret (Standard Webhooks).</summary>
    public string? WebhookSecret { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    internal override Uri DefaultBaseUrl => new("https://api.openai.com/");

    internal override IReadOnlyList<string> DefaultResultHosts => ["api.openai.com"];
}
