using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoPipeline.Workflows.Tests.Refining;

/// <summary>A chat-completions endpoint on loopback (Kestrel, a port the OS picks) answering as each test says, recording what reached it.</summary>
internal sealed class FakeChatEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedRequest> _received = [];

    private FakeChatEndpoint(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The API root to configure as the refiner's BaseUrl: <c>http://127.0.0.1:{port}/v1/</c>.</summary>
    public Uri Root { get; }

    /// <summary>How every request is answered; the default says 404.</summary>
    public Func<HttpContext, Task> Answer { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeChatEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeChatEndpoint? endpoint = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            lock (endpoint!._received)
            {
                endpoint._received.Add(new ReceivedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            }

            await endpoint.Answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new FakeChatEndpoint(app, new Uri(address.TrimEnd('/') + "/v1/"));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    internal sealed record ReceivedRequest(string Method, string Path, string Authorization, string Body);
}
