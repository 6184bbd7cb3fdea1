using Microsoft.Extensions.Logging;

namespace VideoPipeline.Workflows.Candidates;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Status read of {ProviderId} task {TaskId} failed after retries: {Reason}")]
    public static partial void StatusReadFailed(ILogger logger, string providerId, string taskId, string reason);
}
