namespace VideoPipeline.Durable;

/// <summary>
/// The local durable runtime's settings (section <c>Durable</c>). With neither <see cref="StorageConnectionString"/> nor
/// <see cref="StorageAccountName"/> the runtime starts its own Azurite (section <c>Azurite</c>).
/// Defaults come from trials on a 2-core machine (docs/adr/0003-real-durable-runtime.md).
/// </summary>
public sealed class DurableRuntimeOptions
{
    public const string SectionName = "Durable";

    /// <summary>Names the queues, tables and blob containers of the Azure Storage backend; the same name means the same task hub.</summary>
    public string TaskHubName { get; set; } = "videopipeline";

    /// <summary>A connection string (Azurite, or an account key for a trial); managed identity is preferred in Azure.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>A storage account reached with Azure.Identity (managed identity in Azure, developer credentials elsewhere).</summary>
    public string? StorageAccountName { get; set; }

    /// <summary>The user-assigned managed identity's client id; empty for the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Must stay the same across restarts of one process: partition leases are owned by worker id, and a new id waits
    /// for the old leases to expire (about 30 s) before it processes anything.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>Control queues; few on one machine (many partitions take long to balance on 2 cores).</summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>The longest wait between polls of an idle queue: bounds how late an event or timer is noticed after a quiet spell.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxConcurrentActivities { get; set; } = 100;

    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>How long an activity message stays invisible while it runs; the lock is renewed, so this bounds how soon a crashed worker's activity runs again.</summary>
    public TimeSpan ActivityVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The same for orchestration (control queue) messages: how soon an episode a crashed worker was running is redelivered.</summary>
    public TimeSpan OrchestrationVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Keeps a busy orchestration in memory between episodes instead of replaying it from storage.</summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>How long a graceful stop may wait for running work items before it forces the stop.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool UsesLocalAzurite => string.IsNullOrWhiteSpace(StorageConnectionString) && string.IsNullOrWhiteSpace(StorageAccountName);
}
