using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace VideoPipeline.Workflows.Jobs;

/// <summary>
/// POSTs the job's outcome to the brief's callback URL, signed the Standard Webhooks way with our own secret
/// (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,HMAC-SHA256(id.timestamp.body)</c>). Any answer
/// but 2xx throws, so the orchestrator's retry policy tries again durably.
/// </summary>
public sealed class NotifyCallbackActivity(IHttpClientFactory http, IOptions<PipelineOptions> options, TimeProvider time)
    : TaskActivity<NotifyCallbackRequest, int>
{
    public const string HttpClientName = "job-callbacks";

    public override async Task<int> RunAsync(TaskActivityContext context, NotifyCallbackRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = JsonSerializer.SerializeToUtf8Bytes(new JobCompletion("job.completed", input.Result), WorkflowJsonContext.Default.JobCompletion);
        using var request = new HttpRequestMessage(HttpMethod.Post, input.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("webhook-id", input.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp);
        if (options.Value.CallbackSecret is { Length: > 0 } secret)
        {
            request.Headers.Add("webhook-signature", Sign(secret, input.MessageId, timestamp, body));
        }

        using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.IsSuccessStatusCode
            ? (int)response.StatusCode
            : throw new HttpRequestException($"the job callback was answered {(int)response.StatusCode}", null, response.StatusCode);
    }

    /// <summary>The Standard Webhooks signature of <paramref name="body"/> under a <c>whsec_</c> secret.</summary>
    public static string Sign(string secret, string messageId, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.").Concat(body).ToArray();
        return $"v1,{Convert.ToBase64String(HMACSHA256.HashData(key, signed))}";
    }
}
