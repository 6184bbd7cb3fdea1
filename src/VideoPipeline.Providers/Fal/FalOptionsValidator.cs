using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Fal;

/// <summary>Fails start-up with every bad <c>Providers:Fal</c> setting named (never the key's value).</summary>
public sealed class FalOptionsValidator : IValidateOptions<FalOptions>
{
    private const string S = FalOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(options.CommonProblems(S).Concat(Problems(options)));
    }

    private static IEnumerable<string> Problems(FalOptions o)
    {
        // The key goes into a header: a line break or space in it would fail every call at run time instead of now.
        if (o.ApiKey is { Length: > 0 } key && key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return $"{S}:ApiKey must not contain spaces or control characters";
        }

        if (!string.IsNullOrWhiteSpace(o.Model) && !FalModels.TryParse(o.Model, out _))
        {
            yield return $"{S}:Model must be a fal endpoint id such as fal-ai/veo3.1/fast (owner/app[/path]); got '{o.Model}'";
        }

        if (o.WebhookJwksUrl is not { IsAbsoluteUri: true } jwks)
        {
            yield return $"{S}:WebhookJwksUrl must be an absolute URL";
        }
        else if (jwks.Scheme != Uri.UriSchemeHttps && !(o.AllowLoopbackForTesting && jwks.IsLoopback))
        {
            yield return $"{S}:WebhookJwksUrl must be https (plain http only on loopback with {S}:AllowLoopbackForTesting); got '{jwks.GetLeftPart(UriPartial.Authority)}'";
        }

        if (o.WebhookUserId is { Length: > 0 } user && (user.Length > 256 || user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            yield return $"{S}:WebhookUserId must be fal's user id: at most 256 characters, no spaces or control characters";
        }

        if (o.WebhookTolerance <= TimeSpan.Zero || o.WebhookTolerance > TimeSpan.FromHours(1))
        {
            yield return $"{S}:WebhookTolerance must be more than 0 and at most 1 hour; got {o.WebhookTolerance}";
        }
    }
}
