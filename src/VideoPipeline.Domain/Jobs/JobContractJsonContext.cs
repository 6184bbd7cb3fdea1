using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPipeline.Domain.Jobs;

/// <summary>
/// Source-generated serialization for the job contract: camelCase, comments and trailing commas
/// allowed in hand-written briefs, numbers must be numbers.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobRequest))]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(ValidationProblem))]
[JsonSerializable(typeof(IReadOnlyList<ValidationProblem>))]
public sealed partial class JobContractJsonContext : JsonSerializerContext;
