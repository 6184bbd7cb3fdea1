using System.Text.Json;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Storage;

/// <summary>Failure details as stored in history and on the instance row.</summary>
internal static class FailureJson
{
    public static string Serialize(TaskFailureDetails details) => JsonSerializer.Serialize(details, EngineJsonContext.Default.TaskFailureDetails);

    public static TaskFailureDetails? Deserialize(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, EngineJsonContext.Default.TaskFailureDetails);
}
