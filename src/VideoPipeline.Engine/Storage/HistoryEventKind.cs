namespace VideoPipeline.Engine.Storage;

/// <summary>What a history row or inbox message records. Stored as integers: never renumber.</summary>
internal enum HistoryEventKind
{
    OrchestratorStarted = 1,
    ExecutionStarted = 2,
    TaskScheduled = 3,
    TaskCompleted = 4,
    TaskFailed = 5,
    TimerCreated = 6,
    TimerFired = 7,
    SubOrchestrationCreated = 8,
    SubOrchestrationCompleted = 9,
    SubOrchestrationFailed = 10,
    EventRaised = 11,
    ExecutionCompleted = 12,
    ExecutionFailed = 13,
    ExecutionTerminated = 14,
}
