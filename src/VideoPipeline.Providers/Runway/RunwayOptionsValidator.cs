using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Runway;

/// <summary>Fails start-up with every bad <c>Providers:Runway</c> setting named.</summary>
public sealed class RunwayOptionsValidator : IValidateOptions<RunwayOptions>
{
    public ValidateOptionsResult Validate(string? name, RunwayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.CommonProblems(RunwayOptions.SectionName));
    }
}
