namespace VideoPipeline.TestSupport.Durable;

/// <summary>What the kill host (tests/VideoPipeline.Durable.KillHost) and the processes driving it agree on.</summary>
public static class KillHostProtocol
{
    /// <summary>Printed once the worker has started.</summary>
    public const string Ready = "kill-host ready";

    /// <summary>The orchestrator the kill host runs: a quick step, a wait for <see cref="Go"/>, a step of the input's length.</summary>
    public const string Orchestrator = "JournaledOrchestrator";

    public const string Go = "Go";

    /// <summary>The custom status once the first step's result is recorded and the instance waits for <see cref="Go"/>.</summary>
    public const string WaitingStatus = "waiting for go";
}
