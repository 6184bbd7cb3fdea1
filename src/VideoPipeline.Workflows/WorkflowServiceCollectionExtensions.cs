using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Workflows.Hosting;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Refining;
using VideoPipeline.Workflows.Services;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// What the workflow classes and services need besides the ports (providers, storage, scoring, router) and a
    /// <c>DurableTaskClient</c>, which the host registers. In-process provider completions are routed like webhooks.
    /// </summary>
    public static IServiceCollection AddVideoPipelineWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RankingPolicy.Default);
        services.TryAddSingleton<ProviderDirectory>();
        services.TryAddSingleton<JobPlanner>();
        services.AddOptions<ChatRefinerOptions>().Bind(configuration.GetSection(ChatRefinerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatRefinerOptions>, ChatRefinerOptionsValidator>());
        services.TryAddSingleton<FeedbackPromptRefiner>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{ChatRefinerOptions.SectionName}:{nameof(ChatRefinerOptions.BaseUrl)}"]))
        {
            // Deadlines are the refiner's own (request, then body); no redirects, so the key never reaches another host.
            services.AddHttpClient<ChatPromptRefiner>(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
            services.TryAddTransient<IPromptRefiner>(sp => sp.GetRequiredService<ChatPromptRefiner>());
        }

        services.TryAddSingleton<IPromptRefiner>(sp => sp.GetRequiredService<FeedbackPromptRefiner>());
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<JobStatusReader>();
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<CallbackService>();
        services.Replace(ServiceDescriptor.Singleton<IProviderUpdateSink, ProviderUpdateRouter>());
        services.AddHttpClient(NotifyCallbackActivity.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
