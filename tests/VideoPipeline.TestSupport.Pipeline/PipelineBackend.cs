namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Which orchestration service the local durable runtime runs on; storage (blobs, task registry) is Azurite either way.</summary>
public enum PipelineBackend
{
    /// <summary>The in-memory service of Microsoft.DurableTask.InProcessTestHost.</summary>
    InMemory,

    /// <summary>DTFx's Azure Storage backend on Azurite, as <c>generate</c> runs it.</summary>
    AzureStorage,
}
