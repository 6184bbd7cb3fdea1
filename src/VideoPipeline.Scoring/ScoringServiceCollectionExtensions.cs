using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring.Prompt;

namespace VideoPipeline.Scoring;

/// <summary>Registers candidate scoring for a host: options from <c>Scoring</c> validated at start, ffmpeg from <c>Ffmpeg</c>.</summary>
public static class ScoringServiceCollectionExtensions
{
    public static IServiceCollection AddCandidateScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        services.AddFfmpeg(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPromptAdherenceScorer>(sp => PromptScorers.Create(sp.GetRequiredService<IOptions<ScoringOptions>>().Value.Clip));
        services.TryAddSingleton<ICandidateScorer, CandidateScorer>();
        services.TryAddSingleton<ShotScorer>();
        return services;
    }
}
