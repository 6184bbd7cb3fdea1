namespace VideoPipeline.Engine;

/// <summary>
/// The orchestrator code, re-run over its history, scheduled something other than what the history records
/// (code changed under a running instance, or code that is not deterministic). The instance fails with this.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException()
    {
    }

    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
