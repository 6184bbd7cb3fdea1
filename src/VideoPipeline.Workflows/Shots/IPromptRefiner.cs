namespace VideoPipeline.Workflows.Shots;

/// <summary>Turns a reviewer's rejection into the next round's prompt (deterministic by default; a chat model can stand in).</summary>
public interface IPromptRefiner
{
    Task<string> RefineAsync(string prompt, string feedback, CancellationToken cancellationToken);
}
