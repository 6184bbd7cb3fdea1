using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Media;

/// <summary>Registers ffmpeg for a host: options from <c>Ffmpeg</c> validated at start, the located tools as a singleton.</summary>
public static class FfmpegServiceCollectionExtensions
{
    public static IServiceCollection AddFfmpeg(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FfmpegOptions>().Bind(configuration.GetSection(FfmpegOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FfmpegOptions>, FfmpegOptionsValidator>());
        services.TryAddSingleton(sp => FfmpegTools.Locate(sp.GetRequiredService<IOptions<FfmpegOptions>>().Value));
        return services;
    }
}
