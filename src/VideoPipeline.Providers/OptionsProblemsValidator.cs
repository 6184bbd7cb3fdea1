using Microsoft.Extensions.Options;

namespace VideoPipeline.Providers;

/// <summary>Reports every problem an options class has, each naming its setting, so a bad setting fails at start.</summary>
internal sealed class OptionsProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
