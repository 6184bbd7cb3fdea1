using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Veo;

/// <summary>Fails start-up with every bad <c>Providers:VeoGemini</c> setting named.</summary>
public sealed class VeoGeminiOptionsValidator : IValidateOptions<VeoGeminiOptions>
{
    private const string S = VeoGeminiOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VeoGeminiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(VeoGeminiOptions o)
    {
        foreach (var problem in o.CommonProblems(S).Concat(OptionsProblems.WebhookSecret(S, o.WebhookSecret)))
        {
            yield return problem;
        }

        if (o.UseRequestWebhooks && o.WebhookJwksUrl is null)
        {
            yield return $"{S}:WebhookJwksUrl is required when {S}:UseRequestWebhooks is true";
        }

        if (o.WebhookJwksUrl is { } jwks)
        {
            if (!jwks.IsAbsoluteUri || (jwks.Scheme != Uri.UriSchemeHttps && !(o.AllowLoopbackForTesting && jwks.IsLoopback)))
            {
                yield return $"{S}:WebhookJwksUrl must be an absolute https URL";
            }

            // Without an audience any token Google issued to anyone would pass.
            if (string.IsNullOrWhiteSpace(o.WebhookJwtAudience))
            {
                yield return $"{S}:WebhookJwtAudience is required when {S}:WebhookJwksUrl is set (the audience the webhook JWTs are issued to)";
            }

            if (string.IsNullOrWhiteSpace(o.WebhookJwtIssuer))
            {
                yield return $"{S}:WebhookJwtIssuer must not be empty";
            }
        }
    }
}
