using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Scoring;

/// <summary>Source-generated serialisation of the scoring results for the job manifest (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShotRanking))]
[JsonSerializable(typeof(CandidateMeasurement))]
public sealed partial class ScoringJsonContext : JsonSerializerContext;
