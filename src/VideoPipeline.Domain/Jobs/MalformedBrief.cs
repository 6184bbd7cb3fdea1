using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VideoPipeline.Domain.Jobs;

/// <summary>
/// Says why a brief could not be read as the job contract, in our own words, from what a <see cref="JsonException"/>
/// carries (<see cref="JsonException.Path"/>, line and byte position), the brief's bytes and the contract's metadata;
/// never from System.Text.Json's English message text. Malformed JSON stops the parser, so this is reported alone.
/// </summary>
internal static class MalformedBrief
{
    private const int MaxQuotedChars = 24;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ValidationProblem Describe(JsonException ex, ReadOnlyMemory<byte> utf8Json)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var (what, valueBytes) = What(path, ex, utf8Json);
        return new ValidationProblem(path, what + Where(ex, utf8Json.Span, valueBytes));
    }

    /// <summary>
    /// The description, and how many bytes before the exception's position the offending value starts: the reader
    /// stands after the token it could not use (after a whole number or string, after the <c>[</c> of an array).
    /// </summary>
    private static (string What, int ValueBytes) What(string path, JsonException ex, ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException)
        {
            return (NotJson(ex, utf8Json.Span), 0);
        }

        // The syntax is fine, so a value does not fit the field the path names.
        using (document)
        {
            var segments = Segments(path);
            var expected = segments is null ? null : Expected(JobContractJsonContext.Default.JobRequest, segments);
            var found = segments is null ? null : Found(document.RootElement, segments);
            var valueBytes = found switch
            {
                null => 0,
                { ValueKind: JsonValueKind.Object or JsonValueKind.Array } => 1,
                { } value => Encoding.UTF8.GetByteCount(value.GetRawText()),
            };
            var what = (expected, found) switch
            {
                (null, _) => "does not fit the job contract",
                ({ Number: true } e, { } f) when f.ValueKind == JsonValueKind.Number => e.Whole && f.GetRawText().AsSpan().IndexOfAny(".eE") >= 0
                    ? $"must be {e.Text}; got {Quote(f.GetRawText())}"
                    : $"is out of range; got {Quote(f.GetRawText())}",
                (var e, null) => $"must be {e.Text}",
                (var e, var f) => $"must be {e.Text}; got {Got(f.Value)}",
            };
            return (what, valueBytes);
        }
    }

    private static string NotJson(JsonException ex, ReadOnlySpan<byte> utf8Json)
    {
        var offset = Offset(ex, utf8Json);
        if (offset is null)
        {
            return "is not valid JSON";
        }

        var rest = utf8Json[offset.Value..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty)
        {
            return "is not valid JSON: the text ends before the brief is complete";
        }

        if (rest[0] == (byte)'\'')
        {
            return "is not valid JSON: a string must be in double quotes, not single quotes";
        }

        var text = Encoding.UTF8.GetString(rest[..Math.Min(rest.Length, 4)]);
        var first = char.IsSurrogate(text, 0) ? text[..2] : text[..1];
        return $"is not valid JSON: unexpected '{first}'";
    }

    /// <summary>" (line L, column C)" of the offending value's first character, both from 1, the column counted in characters.</summary>
    private static string Where(JsonException ex, ReadOnlySpan<byte> utf8Json, int valueBytes)
    {
        if (ex.LineNumber is not { } line)
        {
            return string.Empty;
        }

        var column = ex.BytePositionInLine ?? 0;
        if (Offset(ex, utf8Json) is { } offset && valueBytes <= column)
        {
            var lineStart = (int)(offset - column);
            column = Encoding.UTF8.GetCharCount(utf8Json[lineStart..(offset - valueBytes)]);
        }

        return string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, column {column + 1})");
    }

    /// <summary>The byte offset the exception points at, or null when it does not point inside the text.</summary>
    private static int? Offset(JsonException ex, ReadOnlySpan<byte> utf8Json)
    {
        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } column)
        {
            return null;
        }

        var start = 0;
        for (long i = 0; i < line; i++)
        {
            var next = utf8Json[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return null;
            }

            start += next + 1;
        }

        return start + column <= utf8Json.Length ? (int)(start + column) : null;
    }

    /// <summary>What the contract expects at the path, from the source-generated metadata.</summary>
    private static Expectation? Expected(JsonTypeInfo root, IReadOnlyList<object> segments)
    {
        var info = root;
        var type = root.Type;
        foreach (var segment in segments)
        {
            Type? next = segment switch
            {
                string name when info.Kind == JsonTypeInfoKind.Object =>
                    info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                int when info.Kind == JsonTypeInfoKind.Enumerable => info.ElementType,
                _ => null,
            };
            if (next is null || !root.Options.TryGetTypeInfo(next, out var nextInfo))
            {
                return null;
            }

            (type, info) = (next, nextInfo);
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => new Expectation("a string"),
            _ when type == typeof(int) || type == typeof(long) => new Expectation("a whole number", Number: true, Whole: true),
            _ when type == typeof(decimal) || type == typeof(double) => new Expectation("a number", Number: true),
            _ when type == typeof(bool) => new Expectation("true or false"),
            _ => info.Kind switch
            {
                JsonTypeInfoKind.Enumerable => new Expectation("an array"),
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => new Expectation("an object"),
                _ => null,
            },
        };
    }

    /// <summary>The value the brief has at the path, if the path leads to one.</summary>
    private static JsonElement? Found(JsonElement root, IReadOnlyList<object> segments)
    {
        var element = root;
        foreach (var segment in segments)
        {
            JsonElement? next = segment switch
            {
                string name when element.ValueKind == JsonValueKind.Object =>
                    element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).LastOrDefault(),
                int index when element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() => element[index],
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            element = next.Value;
        }

        return element;
    }

    private static string Got(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => Quote(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Quote(string raw) => raw.Length <= MaxQuotedChars ? raw : raw[..MaxQuotedChars] + "…";

    /// <summary>
    /// Splits a path as System.Text.Json writes it (<c>$.shots[0].prompt</c>, <c>$['odd.name']</c>) into property
    /// names (strings) and array indexes (ints); null when it is not one.
    /// </summary>
    private static List<object>? Segments(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(index);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    private sealed record Expectation(string Text, bool Number = false, bool Whole = false);
}
