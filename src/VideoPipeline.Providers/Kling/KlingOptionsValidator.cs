using System.Text;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers.Kling;

/// <summary>
/// Fails start-up with every bad <c>Providers:Kling</c> setting named. The secret key signs HS256 tokens, whose key
/// must be at least 256 bits (RFC 7518 §3.2; Microsoft.IdentityModel refuses shorter ones at the first call otherwise).
/// </summary>
public sealed class KlingOptionsValidator : IValidateOptions<KlingOptions>
{
    public const int MinSecretKeyBytes = 32;

    private const string S = KlingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, KlingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsProblems.Result(Problems(options));
    }

    private static IEnumerable<string> Problems(KlingOptions o)
    {
        foreach (var problem in o.CommonProblems(S))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(o.AccessKey) != string.IsNullOrWhiteSpace(o.SecretKey))
        {
            yield return $"{S}:AccessKey and {S}:SecretKey must be set together";
        }

        if (!string.IsNullOrEmpty(o.SecretKey) && Encoding.UTF8.GetByteCount(o.SecretKey) < MinSecretKeyBytes)
        {
            yield return $"{S}:SecretKey must be at least {MinSecretKeyBytes} bytes to sign HS256 tokens; got {Encoding.UTF8.GetByteCount(o.SecretKey)}";
        }

        if (o.Mode is not ("std" or "pro"))
        {
            yield return $"{S}:Mode must be 'std' or 'pro'; got '{o.Mode}'";
        }

        if (o.CallbackToken is { Length: > 0 } token && (token.Length < 16 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            yield return $"{S}:CallbackToken must be at least 16 letters, digits, '-' or '_' (it is a URL segment and the only proof a callback is ours)";
        }
    }
}
