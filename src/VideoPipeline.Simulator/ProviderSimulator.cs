using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Simulator.Endpoints;

namespace VideoPipeline.Simulator;

/// <summary>
/// A provider simulator on loopback (Kestrel): each provider's wire format under <c>/{provider-id}/</c>,
/// real MP4s rendered with ffmpeg under <c>/files/</c>, and a <c>/sink</c> that accepts any callback.
/// Behaviour per provider can change while it runs. Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed class ProviderSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private ProviderSimulator(WebApplication app, SimulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The root, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl => _state.BaseUrl;

    /// <summary>Accepts any POST with 204: a callback target for runs with no receiver of their own.</summary>
    public Uri SinkUrl => new(BaseUrl, "sink");

    /// <summary>The JWKS of the simulated Gemini per-request webhook JWTs.</summary>
    public Uri GeminiJwksUrl => new(BaseUrl, "veo-gemini/jwks.json");

    /// <summary>The JWKS of the simulated fal webhook keys (Ed25519).</summary>
    public Uri FalJwksUrl => new(BaseUrl, FalEndpoints.JwksPath);

    /// <summary>The fal user id the simulated fal webhooks are signed for.</summary>
    public string FalUserId => FalWebhookSigner.UserId;

    public string WebhookSecret => _state.Options.WebhookSecret;

    public string JwtIssuer => _state.Options.JwtIssuer;

    public string JwtAudience => _state.Options.JwtAudience;

    /// <summary>Every callback sent so far, in order.</summary>
    public IReadOnlyCollection<RecordedCallback> Callbacks => _state.Callbacks.Sent;

    /// <summary>The API root of one provider (configure it as that provider's <c>BaseUrl</c>).</summary>
    public Uri BaseUrlFor(string providerId) => new(BaseUrl, providerId + "/");

    public SimulatedProviderBehavior Behavior(string providerId) => _state.Behaviors[providerId];

    /// <summary>Submits that reached the simulator, including refused (429) and lost ones.</summary>
    public int SubmitsReceived(string providerId) => _state.Tasks.SubmitsReceived(providerId);

    /// <summary>Result downloads from the file host that carried an API key or bearer token (should stay 0).</summary>
    public int CredentialedFileRequests => _state.CredentialedFileRequests;

    /// <summary>API requests that reached another host name (after a redirect) carrying an API key or bearer token (should stay 0).</summary>
    public int CredentialsSentOffHost => _state.Faults.CredentialsSentOffHost;

    /// <summary>Every request that reached the provider's endpoints, retries included.</summary>
    public int RequestsReceived(string providerId) => _state.Faults.RequestsReceived(providerId);

    /// <summary>The tasks <paramref name="providerId"/> accepted, oldest first: group them by candidate to find a double submit.</summary>
    public IReadOnlyList<CreatedTask> CreatedTasks(string providerId) => _state.Tasks.Created(providerId);

    /// <summary>Result files served so far (a download that got the clip).</summary>
    public int ResultDownloads => _state.ResultDownloads;

    /// <summary>Tasks that exist (and would be billed by a real provider).</summary>
    public int TasksCreated(string providerId) => _state.Tasks.TasksCreated(providerId);

    /// <summary>Waits until <paramref name="count"/> callbacks about <paramref name="taskId"/> were sent, or the deadline passes.</summary>
    public async Task<IReadOnlyList<RecordedCallback>> WaitForCallbacksAsync(string taskId, int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(RecordedCallback _)
        {
            if (_state.Callbacks.Sent.Count(c => c.TaskId == taskId) >= count)
            {
                done.TrySetResult();
            }
        }

        _state.Callbacks.Recorded += Check;
        try
        {
            Check(null!);
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_state.Callbacks.Sent.Count(c => c.TaskId == taskId)} of {count} callbacks for {taskId} arrived within {timeout.TotalSeconds} s");
        }
        finally
        {
            _state.Callbacks.Recorded -= Check;
        }

        return [.. _state.Callbacks.Sent.Where(c => c.TaskId == taskId)];
    }

    public static async Task<ProviderSimulator> StartAsync(SimulatorOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var state = new SimulatorState(options, time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, LibraryLifetime>();
        var app = builder.Build();

        app.Use((context, next) => state.Faults.StallAsync(context, () => next(context)));
        app.Use((context, next) => state.Faults.InvokeAsync(context, () => next(context)));
        RunwayEndpoints.Map(app, state);
        KlingEndpoints.Map(app, state);
        VeoGeminiEndpoints.Map(app, state);
        GeminiOmniEndpoints.Map(app, state);
        VeoVertexEndpoints.Map(app, state);
        SoraEndpoints.Map(app, state);
        ReplicateEndpoints.Map(app, state);
        XaiEndpoints.Map(app, state);
        FalEndpoints.Map(app, state);
        app.MapGet("/files/{name}", (string name, HttpContext context) => state.ServeFileAsync(Path.GetFileNameWithoutExtension(name), context));
        app.MapPost("/sink/{**rest}", () => Results.NoContent());
        app.MapGet("/", () => Results.Text(string.Join('\n', ProviderIds.All.Where(id => id != ProviderIds.Local).Select(id => $"{id}: /{id}/"))));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        state.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return new ProviderSimulator(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        _state.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
