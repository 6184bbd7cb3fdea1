namespace VideoPipeline.Providers.Replicate;

/// <summary>
/// Section <c>Providers:Replicate</c>; the token comes from <c>Providers__Replicate__ApiToken</c>. <c>Model</c> is an
/// official model as <c>owner/name</c> (predictions go to <c>/v1/models/{owner}/{name}/predictions</c>).
/// </summary>
public sealed class ReplicateOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Replicate";

    public ReplicateOptions() => Model = "google/veo-3.1-fast";

    public string? ApiToken { get; set; }

    /// <summary>
    /// The account's webhook signing secret (<c>whsec_…</c>, from <c>GET /v1/webhooks/default/secret</c>;
    /// replicate.com/docs/topics/webhooks/verify-webhook). Without it every webhook is rejected and the timer path polls.
    /// </summary>
    public string? WebhookSecret { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiToken);

    internal override Uri DefaultBaseUrl => new("https://api.replicate.com/");

    // Prediction outputs are served from replicate.delivery (replicate.com/docs/topics/predictions/output-files);
    // they need no token, so none is ever sent there.
    internal override IReadOnlyList<string> DefaultResultHosts => ["replicate.delivery", ".replicate.delivery"];
}
