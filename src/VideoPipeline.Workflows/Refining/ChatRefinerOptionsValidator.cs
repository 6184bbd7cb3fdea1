using Microsoft.Extensions.Options;

namespace VideoPipeline.Workflows.Refining;

public sealed class ChatRefinerOptionsValidator : IValidateOptions<ChatRefinerOptions>
{
    private const string S = ChatRefinerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ChatRefinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is not { } url)
        {
            return ValidateOptionsResult.Success; // off: nothing else is read
        }

        var problems = new List<string>();
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            problems.Add($"{S}:BaseUrl must be an absolute https URL (http only on loopback), was '{url}'");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            problems.Add($"{S}:Model must name the chat model when {S}:BaseUrl is set");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(100) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{S}:RequestTimeout must be between 100 ms and 5 minutes (was {options.RequestTimeout})");
        }

        if (options.BodyTimeout < TimeSpan.FromMilliseconds(100) || options.BodyTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{S}:BodyTimeout must be between 100 ms and 5 minutes (was {options.BodyTimeout})");
        }

        if (options.MaxResponseBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add($"{S}:MaxResponseBytes must be between 1024 and 16777216 (was {options.MaxResponseBytes})");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
