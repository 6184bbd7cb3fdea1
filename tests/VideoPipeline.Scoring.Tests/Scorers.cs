using Microsoft.Extensions.Options;
using VideoPipeline.Scoring.Prompt;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests;

internal static class Scorers
{
    public static CandidateScorer Create(ScoringOptions? options = null, IPromptAdherenceScorer? prompt = null) =>
        new(TestClips.Tools, Options.Create(options ?? new ScoringOptions()), prompt ?? new UnconfiguredPromptScorer());
}
