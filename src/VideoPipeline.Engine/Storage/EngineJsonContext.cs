using System.Text.Json.Serialization;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Storage;

/// <summary>Source-generated JSON for what the engine itself stores (workflow payloads go through the DataConverter).</summary>
[JsonSerializable(typeof(TaskFailureDetails))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
