using Microsoft.Extensions.Logging;

namespace VideoPipeline.Workflows.Refining;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "The chat refiner at {Host} gave no usable prompt ({Reason}); the deterministic refiner is used")]
    public static partial void ChatRefinerFellBack(ILogger logger, string host, string reason);
}
