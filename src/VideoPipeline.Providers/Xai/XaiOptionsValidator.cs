using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Xai;

/// <summary>Fails start-up with every bad <c>Providers:Xai</c> setting named.</summary>
public sealed class XaiOptionsValidator : IValidateOptions<XaiOptions>
{
    public ValidateOptionsResult Validate(string? name, XaiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.CommonProblems(XaiOptions.SectionName));
    }
}
