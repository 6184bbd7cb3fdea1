namespace VideoPipeline.Scoring.Prompt;

/// <summary>Picks the prompt-adherence scorer the configuration allows.</summary>
public static class PromptScorers
{
    public static IPromptAdherenceScorer Create(ClipModelOptions clip) =>
        clip.IsConfigured ? new ClipPromptScorer(clip) : new UnconfiguredPromptScorer();
}
