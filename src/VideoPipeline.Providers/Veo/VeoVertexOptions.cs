namespace VideoPipeline.Providers.Veo;

/// <summary>Section <c>Providers:VeoVertex</c>: project and region; the token comes from an <see cref="IGoogleAccessTokenProvider"/>.</summary>
public sealed class VeoVertexOptions : RemoteProviderOptions
{
    public const string SectionName = "Providers:VeoVertex";

    // veo-3.0-generate-001 was retired on Vertex AI on 2026-06-30 (see ModelCatalog).
    public VeoVertexOptions() => Model = "veo-3.1-generate-001";

    public string? ProjectId { get; set; }

    public string Location { get; set; } = "us-central1";

    /// <summary>A <c>gs://bucket/prefix</c> for outputs; without it Vertex returns the video inline as base64.</summary>
    public string? StorageUri { get; set; }

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ProjectId);

    internal override Uri DefaultBaseUrl => new($"https://{Location}-aiplatform.googleapis.com/");

    internal override IReadOnlyList<string> DefaultResultHosts => ["storage.googleapis.com"];
}
