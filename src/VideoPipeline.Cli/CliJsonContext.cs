using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VideoPipeline.Cli.Commands;

namespace VideoPipeline.Cli;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidateReport))]
[JsonSerializable(typeof(ScoreReport))]
[JsonSerializable(typeof(ProvidersReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Readable output for people piping to jq: no \u0027 for apostrophes. Safe because it is never embedded in HTML.</summary>
    public static JsonSerializerOptions Relaxed { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = Default,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
