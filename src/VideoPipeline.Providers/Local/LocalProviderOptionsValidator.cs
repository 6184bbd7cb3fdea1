using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Local;

/// <summary>Fails start-up with every bad <c>Providers:Local</c> setting named.</summary>
public sealed class LocalProviderOptionsValidator : IValidateOptions<LocalProviderOptions>
{
    private const string S = LocalProviderOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LocalProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(LocalProviderOptions o)
    {
        if (o.MaxShortSide is < 0 or > 2160 || o.MaxShortSide % 2 != 0)
        {
            yield return $"{S}:MaxShortSide must be an even number from 0 to 2160; got {o.MaxShortSide}";
        }

        if (o.FramesPerSecond is < 1 or > 60)
        {
            yield return $"{S}:FramesPerSecond must be 1 to 60; got {o.FramesPerSecond}";
        }
    }
}
