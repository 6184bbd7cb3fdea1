using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Gemini;

/// <summary>Fails start-up with every bad <c>Providers:GeminiOmni</c> setting named.</summary>
public sealed class GeminiOmniOptionsValidator : IValidateOptions<GeminiOmniOptions>
{
    public ValidateOptionsResult Validate(string? name, GeminiOmniOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.GeminiProblems(GeminiOmniOptions.SectionName));
    }
}
