namespace VideoPipeline.Workflows.Refining;

/// <summary>
/// The optional chat-completions prompt refiner (section <c>Pipeline:Refiner</c>): any OpenAI-compatible
/// <c>POST {BaseUrl}/chat/completions</c>. Off while <see cref="BaseUrl"/> is empty; the deterministic refiner is then used.
/// </summary>
public sealed class ChatRefinerOptions
{
    public const string SectionName = "Pipeline:Refiner";

    /// <summary>The API root, e.g. <c>https://api.openai.com/v1/</c>; <c>chat/completions</c> is resolved against it.</summary>
    public Uri? BaseUrl { get; set; }

    public string Model { get; set; } = string.Empty;

    /// <summary>Sent as <c>Authorization: Bearer</c>, to <see cref="BaseUrl"/>'s host only (no redirects are followed); never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long the endpoint may take to answer with headers.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long reading the answer's body may take once the headers arrived.</summary>
    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A larger answer is not read: the deterministic refiner is used instead.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;
}
