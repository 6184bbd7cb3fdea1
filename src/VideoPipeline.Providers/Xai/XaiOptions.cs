namespace VideoPipeline.Providers.Xai;

/// <summary>Section <c>Providers:Xai</c>; the key comes from <c>Providers__Xai__ApiKey</c>.</summary>
public sealed class XaiOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Xai";

    public XaiOptions() => Model = "grok-imagine-video-1.5";

    public string? ApiKey { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    internal override Uri DefaultBaseUrl => new("https://api.x.ai/");

    // Finished videos are served from vidgen.x.ai (the done answer's video.url, e.g. in vercel/ai packages/xai tests);
    // the API key is for api.x.ai only and is never sent there.
    internal override IReadOnlyList<string> DefaultResultHosts => ["vidgen.x.ai"];
}
