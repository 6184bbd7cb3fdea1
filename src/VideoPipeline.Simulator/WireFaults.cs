using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator;

/// <summary>
/// Middleware that lets the endpoint answer, then spoils the answer with the provider's next due
/// <see cref="WireFault"/>: stalled, truncated, non-JSON, empty, wrongly typed, duplicated, oversized, 5xx or redirected.
/// It also holds requests past the client's timeout (<see cref="SimulatedProviderBehavior.Stalls"/>) and counts
/// credentials that reached another host name, which must stay 0.
/// </summary>
internal sealed class WireFaults(Func<string, SimulatedProviderBehavior?> behaviorOf, TimeProvider time, CancellationToken stopping)
{
    /// <summary>The host name a <see cref="WireFault.RedirectOffHost"/> sends clients to.</summary>
    public const string OffHostName = "localhost";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _requests = new(StringComparer.OrdinalIgnoreCase);
    private int _credentialsOffHost;

    /// <summary>API requests that arrived on <see cref="OffHostName"/> carrying an API key or a bearer token.</summary>
    public int CredentialsSentOffHost => Volatile.Read(ref _credentialsOffHost);

    /// <summary>Requests that reached a provider's endpoints (submits, reads, retries), counted as they arrive.</summary>
    public int RequestsReceived(string providerId) => _requests.GetValueOrDefault(providerId);

    /// <summary>Marks a request that was held: it is carried out as it was when it arrived, not throttled by a burst set while it waited.</summary>
    public const string StalledItem = "simulator.stalled";

    /// <summary>Holds a request past the client's attempt timeout when a stall is due; the request is still carried out afterwards.</summary>
    public async Task StallAsync(HttpContext context, Func<Task> next)
    {
        var segment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (segment is not null && behaviorOf(segment) is { } behavior && Hits(behavior.StallTarget, context.Request) && behavior.TakeStall())
        {
            // Read the body first, so the request is carried out even after the client has given up.
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null, stopping);
            context.Request.Body.Position = 0;
            await Task.Delay(behavior.StallDuration, time, stopping);
            context.Items[StalledItem] = true;
        }

        await next();
    }

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (string.Equals(context.Request.Host.Host, OffHostName, StringComparison.OrdinalIgnoreCase)
            && (context.Request.Headers.ContainsKey("x-goog-api-key") || context.Request.Headers.ContainsKey("Authorization")))
        {
            Interlocked.Increment(ref _credentialsOffHost);
        }

        var segment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (segment is not null)
        {
            _requests.AddOrUpdate(segment, 1, (_, n) => n + 1);
        }

        var fault = segment is null || context.Items.ContainsKey(StalledItem) ? null : behaviorOf(segment)?.TakeFault(SimulatorState.IsSubmit(context.Request));
        if (fault is null)
        {
            await next();
            return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        await WriteAsync(context, fault.Value, captured.ToArray());
    }

    private static bool Hits(FaultTarget target, HttpRequest request) => target switch
    {
        FaultTarget.Submits => SimulatorState.IsSubmit(request),
        FaultTarget.Reads => !SimulatorState.IsSubmit(request),
        _ => true,
    };

    private async Task WriteAsync(HttpContext context, WireFault fault, byte[] body)
    {
        var response = context.Response;
        response.Headers.ContentLength = null;
        switch (fault)
        {
            case WireFault.StallBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), stopping);
                await response.Body.FlushAsync(stopping);
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, linked.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up, as it should.
                    }
                }

                context.Abort();
                return;
            case WireFault.TruncateBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), stopping);
                await response.Body.FlushAsync(stopping);
                context.Abort();
                return;
            case WireFault.NotJson:
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body><h1>Bad gateway</h1></body></html>", stopping);
                return;
            case WireFault.EmptyBody:
                return;
            case WireFault.WrongTypes:
                await WriteJsonAsync(response, JsonFields.TryParse(body, out var json) && json is not null ? Retype(json) : JsonValue.Create(42));
                return;
            case WireFault.DuplicateKeys:
                await response.WriteAsync(Duplicated(body), stopping);
                return;
            case WireFault.Oversized:
                await response.Body.WriteAsync(body, stopping);
                var padding = new byte[1024 * 1024];
                Array.Fill(padding, (byte)' ');
                for (var i = 0; i < 9; i++)
                {
                    await response.Body.WriteAsync(padding, stopping);
                }

                return;
            case WireFault.DuplicateHeaders:
                response.Headers.Append("Content-Type", "text/html");
                response.Headers.Append("Retry-After", "soon, maybe");
                response.Headers.Append("Retry-After", "-5");
                await response.Body.WriteAsync(body, stopping);
                return;
            case WireFault.Status500 or WireFault.Status502 or WireFault.Status504:
                response.StatusCode = fault switch { WireFault.Status500 => 500, WireFault.Status502 => 502, _ => 504 };
                await response.Body.WriteAsync(body, stopping);
                return;
            case WireFault.RedirectOffHost:
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = $"http://{OffHostName}:{context.Request.Host.Port}{context.Request.Path}{context.Request.QueryString}";
                return;
        }
    }

    private static Task WriteJsonAsync(HttpResponse response, JsonNode node)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(node.ToJsonString());
    }

    /// <summary>Every leaf of another type; objects and arrays keep their shape.</summary>
    private static JsonNode Retype(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Retype(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(i => i is null ? null : Retype(i))]),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(42),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.ToJsonString()),
        _ => JsonValue.Create("yes"),
    };

    private static string Duplicated(byte[] body)
    {
        if (!JsonFields.TryParse(body, out var json) || json is not JsonObject o || o.Count == 0)
        {
            return Encoding.UTF8.GetString(body);
        }

        var text = new StringBuilder("{");
        foreach (var (key, value) in o)
        {
            text.Append(JsonValue.Create(key)!.ToJsonString()).Append(':').Append(value?.ToJsonString() ?? "null").Append(',');
        }

        foreach (var (key, value) in o)
        {
            text.Append(JsonValue.Create(key)!.ToJsonString()).Append(':').Append(value is null ? "null" : Retype(value).ToJsonString()).Append(',');
        }

        return text.ToString().TrimEnd(',') + "}";
    }
}
