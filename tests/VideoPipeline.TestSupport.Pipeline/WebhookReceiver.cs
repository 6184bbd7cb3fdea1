using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Workflows.Services;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>
/// A loopback stand-in for the HTTP host's webhook endpoint (<c>POST /api/webhooks/{provider}/{token}</c>): reads the
/// body under a size cap and a deadline, hands headers, bytes and the last path segment (the route token) to
/// <see cref="CallbackService"/> exactly as a host would, and answers 200 (delivered), 202 (nothing to do) or 401
/// (rejected). Every request is recorded with its arrival time. Set <see cref="Lose"/> to make webhooks vanish on the
/// way (answered, never applied), which leaves the candidates to their timers.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly TimeSpan BodyDeadline = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private volatile CallbackService? _callbacks;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The root to configure as <c>Pipeline:PublicBaseUrl</c>, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answer webhooks without applying them (a lost delivery).</summary>
    public bool Lose { get; set; }

    public IReadOnlyCollection<ReceivedWebhook> Received => _received;

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/api/webhooks/{provider}/{**rest}", (string provider, string? rest, HttpContext context) => receiver.HandleAsync(provider, rest, context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Connects the pipeline's callback service; until then every webhook is answered 503.</summary>
    public void Attach(CallbackService callbacks) => _callbacks = callbacks;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string provider, string? rest, HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (_callbacks is not { } callbacks)
        {
            return Record(provider, arrived, null, null, "no pipeline attached yet", StatusCodes.Status503ServiceUnavailable);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(BodyDeadline);
        byte[] body;
        try
        {
            body = await ReadCappedAsync(context.Request.Body, deadline.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidDataException)
        {
            return Record(provider, arrived, CallbackOutcome.Rejected, null, $"body not read: {ex.GetType().Name}", StatusCodes.Status400BadRequest);
        }

        if (Lose)
        {
            return Record(provider, arrived, null, null, "lost on purpose", StatusCodes.Status200OK);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        var token = rest?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        var result = await callbacks.ApplyAsync(provider, new ProviderCallback(headers, body, token), context.RequestAborted);
        var status = result.Outcome switch
        {
            CallbackOutcome.Delivered => StatusCodes.Status200OK,
            CallbackOutcome.Unknown => StatusCodes.Status202Accepted,
            _ => StatusCodes.Status401Unauthorized,
        };
        return Record(provider, arrived, result.Outcome, result.InstanceId, result.Reason, status);
    }

    private IResult Record(string provider, long arrived, CallbackOutcome? outcome, string? instance, string? reason, int status)
    {
        _received.Enqueue(new ReceivedWebhook(provider, arrived, outcome, instance, reason, status));
        return Results.StatusCode(status);
    }

    private static async Task<byte[]> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException($"a webhook body over {MaxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
