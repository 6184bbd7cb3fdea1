using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Replicate;

/// <summary>Fails start-up with every bad <c>Providers:Replicate</c> setting named.</summary>
public sealed class ReplicateOptionsValidator : IValidateOptions<ReplicateOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplicateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.CommonProblems(ReplicateOptions.SectionName)
            .Concat(OptionsProblems.WebhookSecret(ReplicateOptions.SectionName, options.WebhookSecret)));
    }
}
