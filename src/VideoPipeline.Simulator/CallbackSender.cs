using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace VideoPipeline.Simulator;

/// <summary>Posts callbacks and records each (delivered or not) for tests to replay; delivery failures are recorded, never thrown.</summary>
internal sealed class CallbackSender(CancellationToken stopping) : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<RecordedCallback> _sent = new();

    public event Action<RecordedCallback>? Recorded;

    public IReadOnlyCollection<RecordedCallback> Sent => _sent;

    public async Task SendAsync(string providerId, string taskId, Uri target, Dictionary<string, string> headers, byte[] body, bool forged)
    {
        int? status = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _client.SendAsync(request, stopping);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The receiver was down: real providers retry; the record shows the miss.
        }

        var record = new RecordedCallback(providerId, taskId, target, headers, body, forged, status);
        _sent.Enqueue(record);
        Recorded?.Invoke(record);
    }

    public void Dispose() => _client.Dispose();
}
