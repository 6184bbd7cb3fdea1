using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoPipeline.Providers;

/// <summary>
/// Reads fields of JSON from the network without ever throwing: a missing field, a field of another type
/// (an object where a string was expected, a string where a number was) or a non-object parent reads as null.
/// Adapters read every provider answer through these, so wrongly typed bytes become a typed failure, not an exception.
/// </summary>
public static class JsonFields
{
    /// <summary>The named property when <paramref name="node"/> is an object that has it; otherwise null.</summary>
    public static JsonNode? Field(this JsonNode? node, string name) =>
        node is JsonObject o && o.TryGetPropertyValue(name, out var value) ? value : null;

    /// <summary>The item at <paramref name="index"/> when <paramref name="node"/> is an array that long; otherwise null.</summary>
    public static JsonNode? Item(this JsonNode? node, int index) =>
        node is JsonArray a && index >= 0 && index < a.Count ? a[index] : null;

    /// <summary>The items of an array; nothing when the node is not an array.</summary>
    public static IEnumerable<JsonNode?> Items(this JsonNode? node) => node is JsonArray a ? a : [];

    public static string? AsText(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A number, or a string holding an integer (some providers send codes either way).</summary>
    public static long? AsLong(this JsonNode? node) =>
        node is not JsonValue v ? null
        : v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n
        : v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static int? AsInt(this JsonNode? node) => node.AsLong() is { } n && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    public static double? AsDouble(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    public static bool? AsBool(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>The node's text when it is a string, its raw JSON when it is a number (codes), otherwise null.</summary>
    public static string? AsCode(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : node.AsText();

    /// <summary>Parses JSON bytes; null when they are not JSON (never throws).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(utf8);
            Materialize(node); // objects build their dictionaries lazily: a duplicated key would throw later, at a read
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            node = null;
            return false;
        }
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Materialize(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
