using Microsoft.Extensions.Options;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers;

/// <summary>What the provider options validators share: turning problems into a result, and rules for settings several sections have.</summary>
internal static class OptionsProblems
{
    public static ValidateOptionsResult Result(IEnumerable<string> problems)
    {
        var found = problems.ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }

    /// <summary>A <c>whsec_</c> Standard Webhooks secret must decode, or every callback would be refused at run time.</summary>
    public static IEnumerable<string> WebhookSecret(string section, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            StandardWebhookVerifier.ParseSecret(secret);
        }
        catch (FormatException ex)
        {
            problem = $"{section}:WebhookSecret is not valid: {ex.Message}"; // the message never contains the secret
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }
}
