using System.Text.Json;

namespace VideoPipeline.Domain.Jobs;

/// <summary>Reads a brief from JSON and validates it: the one way every entry point turns input into a <see cref="JobSpec"/>.</summary>
public static class JobBrief
{
    public static JobValidationResult Parse(string json)
    {
        JobRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(json, JobContractJsonContext.Default.JobRequest);
        }
        catch (JsonException ex)
        {
            return JobValidationResult.Invalid([FromJsonException(ex)]);
        }

        return JobValidator.Validate(request);
    }

    public static async Task<JobValidationResult> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        JobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(utf8Json, JobContractJsonContext.Default.JobRequest, cancellationToken);
        }
        catch (JsonException ex)
        {
            return JobValidationResult.Invalid([FromJsonException(ex)]);
        }

        return JobValidator.Validate(request);
    }

    /// <summary>Malformed JSON stops the parser, so this is the one case reported alone.</summary>
    private static ValidationProblem FromJsonException(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {ex.BytePositionInLine + 1})" : string.Empty;
        return new ValidationProblem(path, DescribeJsonError(ex) + where);
    }

    /// <summary>Turns System.Text.Json's type-mismatch messages into words a brief's author reads.</summary>
    private static string DescribeJsonError(JsonException ex)
    {
        var inner = ex.InnerException?.Message ?? string.Empty;
        if (inner.EndsWith("as a number.", StringComparison.Ordinal))
        {
            return "must be a number";
        }

        if (inner.EndsWith("as a string.", StringComparison.Ordinal))
        {
            return "must be a string";
        }

        const string conversion = "The JSON value could not be converted to ";
        if (!ex.Message.StartsWith(conversion, StringComparison.Ordinal))
        {
            return "is not valid JSON";
        }

        return ex.Message.AsSpan(conversion.Length).StartsWith("System.Collections", StringComparison.Ordinal)
            ? "must be an array"
            : "must be an object";
    }
}
