namespace VideoPipeline.Providers.Kling;

/// <summary>Section <c>Providers:Kling</c>; keys come from <c>Providers__Kling__AccessKey</c> and <c>Providers__Kling__SecretKey</c>.</summary>
public sealed class KlingOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Kling";

    public KlingOptions() => Model = "kling-v2-1-master";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary><c>std</c> or <c>pro</c>.</summary>
    public string Mode { get; set; } = "std";

    internal override string? DefaultMode => Mode;

    /// <summary>
    /// The secret last segment of Kling callback URLs (<c>/api/webhooks/kling/{token}</c>): Kling signs nothing, so a
    /// callback without it is refused. Appended to a submit's callback URL when that does not end with it already.
    /// </summary>
    public string? CallbackToken { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SecretKey);

    internal override Uri DefaultBaseUrl => new("https://api-singapore.klingai.com/");

    // Result files come from Kling's CDNs, *.inkwai.com among them.
    internal override IReadOnlyList<string> DefaultResultHosts => [".klingai.com", ".kechuangai.com", ".inkwai.com"];
}
