namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// Section <c>Providers:GeminiOmni</c>: Gemini Omni Flash through the Interactions API on the Gemini API. The settings
/// are those of every Gemini API adapter (<see cref="GeminiApiOptions"/>); <c>ApiKey</c> falls back to
/// <c>Providers:VeoGemini:ApiKey</c>, because a Gemini API key is one key for the whole API, so a deployment that had
/// the key for the (retired) Veo models routes to Omni Flash without a change.
/// </summary>
public sealed class GeminiOmniOptions : GeminiApiOptions
{
    public const string SectionName = "Providers:GeminiOmni";

    /// <summary>The model the catalogue names as the successor of the Veo previews on the Gemini API.</summary>
    public const string DefaultModel = "gemini-omni-1.1-flash";

    public GeminiOmniOptions() => Model = DefaultModel;
}
