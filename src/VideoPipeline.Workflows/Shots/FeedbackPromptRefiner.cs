using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Workflows.Shots;

/// <summary>
/// The default refiner: keeps the prompt and adds the reviewer's words as a correction, replacing an earlier one, so
/// rounds do not pile corrections up; the result is cut to the contract's prompt limit.
/// </summary>
public sealed class FeedbackPromptRefiner : IPromptRefiner
{
    public const string Marker = " Reviewer correction: ";

    public Task<string> RefineAsync(string prompt, string feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(feedback);
        var cut = prompt.IndexOf(Marker, StringComparison.Ordinal);
        var basePrompt = cut >= 0 ? prompt[..cut] : prompt;
        var refined = $"{basePrompt.TrimEnd()}{Marker}{feedback.Trim()}";
        return Task.FromResult(refined.Length <= JobLimits.MaxPromptLength ? refined : refined[..JobLimits.MaxPromptLength]);
    }
}
