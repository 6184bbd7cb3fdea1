using Microsoft.Extensions.Options;

namespace VideoPipeline.Media;

/// <summary>
/// Fails start-up when a configured <c>Ffmpeg</c> path points at nothing, naming the setting, instead of at the first
/// render. Tools left empty are looked up on PATH by <see cref="FfmpegTools.Locate"/>, which says how to install them.
/// </summary>
public sealed class FfmpegOptionsValidator : IValidateOptions<FfmpegOptions>
{
    private const string S = FfmpegOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FfmpegOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(FfmpegOptions options)
    {
        var problems = new List<string>();
        foreach (var (setting, path) in new[] { (nameof(options.FfmpegPath), options.FfmpegPath), (nameof(options.FfprobePath), options.FfprobePath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                problems.Add($"{S}:{setting} must be an existing file, or empty to find it on PATH; got '{path}'");
            }
        }

        return problems;
    }
}
