using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Veo;

/// <summary>Fails start-up with every bad <c>Providers:VeoVertex</c> setting named (project and region go into the URL and its host).</summary>
public sealed class VeoVertexOptionsValidator : IValidateOptions<VeoVertexOptions>
{
    private const string S = VeoVertexOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VeoVertexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(VeoVertexOptions o)
    {
        foreach (var problem in o.CommonProblems(S))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(o.Location) || !o.Location.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            yield return $"{S}:Location must be a region such as 'us-central1'; got '{o.Location}'";
        }

        if (o.ProjectId is { Length: > 0 } project && !project.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':'))
        {
            yield return $"{S}:ProjectId must be a Google Cloud project id; got '{project}'";
        }

        if (o.StorageUri is { Length: > 0 } storage && !storage.StartsWith("gs://", StringComparison.Ordinal))
        {
            yield return $"{S}:StorageUri must be a gs://bucket/prefix; got '{storage}'";
        }
    }
}
