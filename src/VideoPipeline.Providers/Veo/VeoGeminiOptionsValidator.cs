using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Veo;

/// <summary>Fails start-up with every bad <c>Providers:VeoGemini</c> setting named.</summary>
public sealed class VeoGeminiOptionsValidator : IValidateOptions<VeoGeminiOptions>
{
    public ValidateOptionsResult Validate(string? name, VeoGeminiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.GeminiProblems(VeoGeminiOptions.SectionName));
    }
}
