namespace VideoPipeline.Workflows.Shots;

public sealed record RefinePromptRequest(string Prompt, string Feedback);
