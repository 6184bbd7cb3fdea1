using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Azurite;
using VideoPipeline.Durable.Backend;
using VideoPipeline.Durable.Client;
using VideoPipeline.Durable.Hosting;

namespace VideoPipeline.Durable;

public static class DurableRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The local durable runtime: the worker as a hosted service, <see cref="DurableTaskClient"/> for starting and
    /// observing orchestrations, the Azure Storage backend (an Azurite it starts itself when no storage is configured).
    /// </summary>
    public static IServiceCollection AddVideoPipelineDurableRuntime(
        this IServiceCollection services, IConfiguration configuration, Action<DurableTaskTypeRegistry> registerTasks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(registerTasks);

        services.AddOptions<DurableRuntimeOptions>().Bind(configuration.GetSection(DurableRuntimeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableRuntimeOptions>, DurableRuntimeOptionsValidator>());
        services.AddOptions<AzuriteOptions>().Bind(configuration.GetSection(AzuriteOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzuriteOptions>, AzuriteOptionsValidator>());

        var registry = new DurableTaskTypeRegistry();
        registerTasks(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton(sp => new DurableTaskShimFactory(
            new DurableTaskWorkerOptions { DataConverter = sp.GetRequiredService<DataConverter>() },
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<AzuriteLauncher>();
        services.TryAddSingleton(sp => new OrchestrationBackend(ct => AzureStorageBackendFactory.CreateAsync(
            sp.GetRequiredService<IOptions<DurableRuntimeOptions>>().Value,
            sp.GetRequiredService<AzuriteLauncher>(),
            sp.GetRequiredService<ILoggerFactory>(),
            ct)));
        services.TryAddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(
            sp.GetRequiredService<OrchestrationBackend>(), sp.GetRequiredService<DataConverter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DurableWorkerService>();
        return services;
    }

    /// <summary>Runs on the given service instead of Azure Storage (tests: the in-memory service of Microsoft.DurableTask.InProcessTestHost).</summary>
    public static IServiceCollection UseOrchestrationService(this IServiceCollection services, Func<IServiceProvider, IOrchestrationService> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.Replace(ServiceDescriptor.Singleton(sp => new OrchestrationBackend(_ => Task.FromResult(create(sp)))));
        return services;
    }
}
