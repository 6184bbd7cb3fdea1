namespace VideoPipeline.Simulator;

/// <summary>Which requests an injected fault may hit.</summary>
public enum FaultTarget
{
    /// <summary>Submits and reads alike.</summary>
    Any,

    /// <summary>Only submits (the POST that creates, and bills, a task).</summary>
    Submits,

    /// <summary>Only reads (status queries, lookups, lists; Vertex's fetchPredictOperation POST counts as one).</summary>
    Reads,
}
