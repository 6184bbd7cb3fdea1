using Microsoft.Extensions.Logging;

namespace VideoPipeline.Engine;

/// <summary>The engine's log events. Names and ids only: payloads may hold URLs or secrets and are never logged.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Information, "Durable engine started on {Store} with {ActivityLimit} activity and {OrchestratorLimit} orchestrator slots; resuming {Instances} instances, {Activities} activities, {Timers} timers")]
    public static partial void Started(ILogger logger, string store, int activityLimit, int orchestratorLimit, int instances, int activities, int timers);

    [LoggerMessage(2, LogLevel.Information, "Orchestration {Name} instance {InstanceId} finished: {Status}")]
    public static partial void InstanceFinished(ILogger logger, string name, string instanceId, string status);

    [LoggerMessage(3, LogLevel.Warning, "Orchestration {Name} instance {InstanceId} failed: {ErrorType}")]
    public static partial void InstanceFailed(ILogger logger, string name, string instanceId, string errorType);

    [LoggerMessage(4, LogLevel.Warning, "Activity {Name} (task #{TaskId}) of instance {InstanceId} failed: {ErrorType}")]
    public static partial void ActivityFailed(ILogger logger, string name, int taskId, string instanceId, string errorType);

    [LoggerMessage(5, LogLevel.Error, "Episode of instance {InstanceId} could not run or commit; its messages stay queued")]
    public static partial void EpisodeError(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Activity {Name} (task #{TaskId}) of instance {InstanceId} could not record its result")]
    public static partial void ActivityRecordError(ILogger logger, string name, int taskId, string instanceId, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Orchestration instance {InstanceId} terminated")]
    public static partial void Terminated(ILogger logger, string instanceId);
}
