using Azure.Core;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;
using VideoPipeline.Durable.Azurite;

namespace VideoPipeline.Durable.Backend;

/// <summary>The Azure Storage backend Durable Functions itself uses, on Azurite, a connection string or a managed identity.</summary>
internal static class AzureStorageBackendFactory
{
    public static async Task<IOrchestrationService> CreateAsync(
        DurableRuntimeOptions options, AzuriteLauncher? azurite, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        StorageAccountClientProvider accounts;
        if (options.UsesLocalAzurite)
        {
            var launcher = azurite ?? throw new InvalidOperationException("no storage is configured and no Azurite launcher is registered");
            accounts = new StorageAccountClientProvider((await launcher.StartAsync(cancellationToken).ConfigureAwait(false)).ConnectionString);
        }
        else if (!string.IsNullOrWhiteSpace(options.StorageConnectionString))
        {
            accounts = new StorageAccountClientProvider(options.StorageConnectionString);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            accounts = new StorageAccountClientProvider(options.StorageAccountName!, credential);
        }

        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = accounts,
            TaskHubName = options.TaskHubName,
            WorkerId = options.WorkerId,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = options.ActivityVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.OrchestrationVisibilityTimeout,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            LoggerFactory = loggerFactory,
            // Without it a start of a running id is silently dropped instead of refused.
            ThrowExceptionOnInvalidDedupeStatus = true,
        });
    }
}
