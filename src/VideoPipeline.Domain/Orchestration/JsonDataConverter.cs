using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// JSON through System.Text.Json. Give it options whose <see cref="JsonSerializerOptions.TypeInfoResolver"/> chains
/// the workflows' source-generated contexts; the default resolves by reflection, which is fine for tests.
/// </summary>
public sealed class JsonDataConverter : DataConverter
{
    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        Options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public static JsonDataConverter Default { get; } = new();

    public JsonSerializerOptions Options { get; }

    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, Options.GetTypeInfo(value.GetType()));

    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        return data is null ? null : JsonSerializer.Deserialize(data, Options.GetTypeInfo(targetType));
    }
}
