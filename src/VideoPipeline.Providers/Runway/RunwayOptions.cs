namespace VideoPipeline.Providers.Runway;

/// <summary>Section <c>Providers:Runway</c>; the key comes from <c>Providers__Runway__ApiKey</c>.</summary>
public sealed class RunwayOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:Runway";

    /// <summary>The API version header every request carries (docs.dev.runwayml.com, "API versioning").</summary>
    public const string ApiVersion = "2024-11-06";

    public RunwayOptions() => Model = "gen4.5";

    public string? ApiKey { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    internal override Uri DefaultBaseUrl => new("https://api.dev.runwayml.com/");

    // Task outputs are signed CloudFront URLs that expire within 24–48 hours (runwayml/sdk-node, tasks.ts).
    internal override IReadOnlyList<string> DefaultResultHosts => [".runwayml.com", ".cloudfront.net"];
}
