using System.Text;
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
            return JobValidationResult.Invalid([MalformedBrief.Describe(ex, Encoding.UTF8.GetBytes(json))]);
        }

        return JobValidator.Validate(request);
    }

    /// <summary>Reads the whole stream first (briefs are small), so a malformed one can be described from its bytes.</summary>
    public static async Task<JobValidationResult> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        JobRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(bytes.Span, JobContractJsonContext.Default.JobRequest);
        }
        catch (JsonException ex)
        {
            return JobValidationResult.Invalid([MalformedBrief.Describe(ex, bytes)]);
        }

        return JobValidator.Validate(request);
    }
}
