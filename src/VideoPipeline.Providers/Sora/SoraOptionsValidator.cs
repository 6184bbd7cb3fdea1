using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Sora;

/// <summary>Fails start-up with every bad <c>Providers:Sora</c> setting named.</summary>
public sealed class SoraOptionsValidator : IValidateOptions<SoraOptions>
{
    public ValidateOptionsResult Validate(string? name, SoraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.CommonProblems(SoraOptions.SectionName)
            .Concat(OptionsProblems.WebhookSecret(SoraOptions.SectionName, options.WebhookSecret)));
    }
}
