using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Simulator;

/// <summary>
/// What the endpoints share, each part in its own class: the task table, outcome draws, throttling, result URLs,
/// webhook JWTs, callbacks, clip rendering and wire faults; this class wires them and runs each task to its end.
/// </summary>
internal sealed class SimulatorState : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _credentialedFileRequests;
    private int _resultDownloads;

    public SimulatorState(SimulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        foreach (var id in ProviderIds.All.Where(id => id != ProviderIds.Local))
        {
            Behaviors[id] = new SimulatedProviderBehavior();
        }

        Outcomes = new OutcomeDraws(options.Seed);
        Throttling = new Throttling(time);
        Urls = new ResultUrls(time);
        Jwts = new WebhookJwts(options, time);
        Callbacks = new CallbackSender(_stopping.Token);
        Clips = new ClipRenderer(options, _stopping.Token);
        Faults = new WireFaults(id => Behaviors.GetValueOrDefault(id), time, _stopping.Token);
        WebhookSigner = new StandardWebhookVerifier(options.WebhookSecret, time);
        FalSigner = new FalWebhookSigner(time);
    }

    public SimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public Uri BaseUrl { get; set; } = null!;

    public Dictionary<string, SimulatedProviderBehavior> Behaviors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TaskTable Tasks { get; } = new();

    public OutcomeDraws Outcomes { get; }

    public Throttling Throttling { get; }

    public ResultUrls Urls { get; }

    public WebhookJwts Jwts { get; }

    public CallbackSender Callbacks { get; }

    public ClipRenderer Clips { get; }

    public WireFaults Faults { get; }

    public StandardWebhookVerifier WebhookSigner { get; }

    public FalWebhookSigner FalSigner { get; }

    /// <summary>Result downloads that carried an API key or bearer token: a CDN must never be sent one.</summary>
    public int CredentialedFileRequests => Volatile.Read(ref _credentialedFileRequests);

    /// <summary>Result files served (answered with the clip, not 403/404).</summary>
    public int ResultDownloads => Volatile.Read(ref _resultDownloads);

    /// <summary>A submit is a POST under a provider that is not Vertex's fetchPredictOperation read.</summary>
    public static bool IsSubmit(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith(":fetchPredictOperation", StringComparison.Ordinal) != true;

    /// <summary>
    /// What every endpoint does first: refuses bad credentials as the provider does, counts a submit, then answers
    /// 503/429 while a burst lasts. Null means go on.
    /// </summary>
    public IResult? Gate(ProviderDialect dialect, HttpContext context, bool isSubmit)
    {
        if (dialect.Authorize(context.Request) is { } refused)
        {
            return refused;
        }

        if (isSubmit)
        {
            Tasks.CountSubmit(dialect.ProviderId);
        }

        return Throttling.Check(Behaviors[dialect.ProviderId], context, dialect);
    }

    /// <summary>A fresh, expiring download URL for a finished task.</summary>
    public Uri ResultUrl(SimulatedTask task) => Urls.For(BaseUrl, task, Behaviors[task.ProviderId]);

    public TaskOutcome DrawOutcome(string providerId) => Outcomes.Outcome(Behaviors[providerId]);

    /// <summary>Accepts a task (it would now be billed) and runs it to its end: render, then callbacks.</summary>
    public SimulatedTask Create(
        string providerId, string id, string prompt, long seed, int seconds, string aspectRatio, Uri? callbackUrl, string? externalId, string model, TaskOutcome? outcome = null)
    {
        var behavior = Behaviors[providerId];
        var latency = Outcomes.Latency(behavior);
        outcome ??= Outcomes.Outcome(behavior);
        var now = Time.GetUtcNow();
        var task = new SimulatedTask(providerId, id, prompt, seed, seconds, aspectRatio, now, now + latency, outcome.Value, callbackUrl, externalId, model);
        Tasks.Add(task);
        _ = Task.Run(() => CompleteAsync(task), CancellationToken.None);
        return task;
    }

    /// <summary>True (and the connection is dropped) when this submit's response is to be lost after the task was created.</summary>
    public bool LoseResponse(string providerId, HttpContext context)
    {
        if (!Behaviors[providerId].TakeLostResponse())
        {
            return false;
        }

        context.Abort();
        return true;
    }

    public async Task<IResult> ServeFileAsync(string token, HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("x-goog-api-key") || context.Request.Headers.ContainsKey("Authorization"))
        {
            Interlocked.Increment(ref _credentialedFileRequests);
        }

        if (Urls.Resolve(token) is not { } entry || Tasks.FindAny(entry.TaskId) is not { } task)
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (entry.Expired)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden); // like an expired signed URL
        }

        var clip = await Clips.ClipAsync(task);
        Interlocked.Increment(ref _resultDownloads);
        return Results.File(clip, "video/mp4", enableRangeProcessing: true);
    }

    /// <summary>The request body as JSON, or null when it is not JSON (the endpoint then refuses it as the real API would).</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer); // not RequestAborted: a stalled submit is still carried out after the client gave up
        return JsonFields.TryParse(buffer.ToArray(), out var json) ? json : null;
    }

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(), "application/json", statusCode: status);

    public void Dispose()
    {
        _stopping.Cancel();
        Callbacks.Dispose();
        _stopping.Dispose();
        Clips.Clean();
    }

    private async Task CompleteAsync(SimulatedTask task)
    {
        try
        {
            var wait = task.CompletesAt - Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Time, _stopping.Token);
            }

            if (task.Outcome == TaskOutcome.Succeeds)
            {
                await Clips.ClipAsync(task); // render before announcing, so a callback's URL serves at once
            }

            var behavior = Behaviors[task.ProviderId];
            if (behavior.CallbackDelay > TimeSpan.Zero)
            {
                await Task.Delay(behavior.CallbackDelay, Time, _stopping.Token);
            }

            await CallbackPlan.SendAsync(this, task, behavior);
        }
        catch (OperationCanceledException)
        {
            // The simulator is stopping.
        }
    }
}
