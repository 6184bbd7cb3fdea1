using System.Text.Json;
using System.Text.Json.Serialization;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows;

/// <summary>Source-generated JSON for what the workflows write for people and other systems: the manifest, status payloads, the completion callback.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobManifest))]
[JsonSerializable(typeof(JobProgress))]
[JsonSerializable(typeof(ShotProgress))]
[JsonSerializable(typeof(JobResult))]
[JsonSerializable(typeof(JobCompletion))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
