using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Media;
using VideoPipeline.Providers.Local;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Simulator;

/// <summary>Everything the endpoints share: tasks, behaviour, rendered clips, expiring URL tokens and callbacks.</summary>
internal sealed class SimulatorState : IDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string TaskId, DateTimeOffset Expires)> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _clips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _submits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCallback> _callbacks = new();
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly HttpClient _callbackClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly JsonWebTokenHandler _tokens = new();
    private readonly RsaSecurityKey _forgedKey = new(RSA.Create(2048)) { KeyId = "forged" };
    private readonly FfmpegTools _ffmpeg;
    private int _credentialedFileRequests;

    public SimulatorState(SimulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        _random = new Random(options.Seed);
        _ffmpeg = FfmpegTools.Locate(options.Ffmpeg);
        OutputDirectory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), $"vp-simulator-{Guid.NewGuid():N}");
        Directory.CreateDirectory(OutputDirectory);
        WebhookSigner = new StandardWebhookVerifier(options.WebhookSecret, time);
        SigningKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "simulator-" + Guid.NewGuid().ToString("N")[..8] };
        foreach (var id in ProviderIds.All.Where(id => id != ProviderIds.Local))
        {
            Behaviors[id] = new SimulatedProviderBehavior();
        }

        Faults = new WireFaults(id => Behaviors.GetValueOrDefault(id), _stopping.Token);
    }

    public WireFaults Faults { get; }

    public SimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public string OutputDirectory { get; }

    public StandardWebhookVerifier WebhookSigner { get; }

    public RsaSecurityKey SigningKey { get; }

    public Uri BaseUrl { get; set; } = null!;

    public Dictionary<string, SimulatedProviderBehavior> Behaviors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public event Action<RecordedCallback>? CallbackRecorded;

    public IReadOnlyCollection<RecordedCallback> Callbacks => _callbacks;

    /// <summary>Holds a request past the client's attempt timeout when a stall is due; the request is still carried out afterwards.</summary>
    public async Task StallAsync(HttpContext context, Func<Task> next)
    {
        var segment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (segment is not null && Behaviors.TryGetValue(segment, out var behavior) && Hits(behavior.StallTarget, context.Request) && behavior.TakeStall())
        {
            // Read the body first, so the request is carried out even after the client has given up.
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null, _stopping.Token);
            context.Request.Body.Position = 0;
            await Task.Delay(behavior.StallDuration, Time, _stopping.Token);
        }

        await next();
    }

    /// <summary>True when <paramref name="target"/> covers this request: a submit is a POST that is not Vertex's fetchPredictOperation.</summary>
    public static bool Hits(FaultTarget target, HttpRequest request)
    {
        var isSubmit = IsSubmit(request);
        return target switch
        {
            FaultTarget.Submits => isSubmit,
            FaultTarget.Reads => !isSubmit,
            _ => true,
        };
    }

    /// <summary>A submit is a POST under a provider that is not Vertex's fetchPredictOperation read.</summary>
    public static bool IsSubmit(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith(":fetchPredictOperation", StringComparison.Ordinal) != true;

    public int SubmitsReceived(string providerId) => _submits.GetValueOrDefault(providerId);

    public int TasksCreated(string providerId) => _tasks.Values.Count(t => t.ProviderId == providerId);

    public SimulatedTask? Find(string id) => _tasks.GetValueOrDefault(id);

    public SimulatedTask? FindByExternalId(string providerId, string externalId) =>
        _tasks.Values.FirstOrDefault(t => t.ProviderId == providerId && t.ExternalId == externalId);

    public IEnumerable<SimulatedTask> TasksOf(string providerId) => _tasks.Values.Where(t => t.ProviderId == providerId).OrderByDescending(t => t.CreatedAt);

    /// <summary>A 503 or 429 to answer instead of the request, or null to go on. Counts submits as they arrive.</summary>
    public IResult? Throttle(string providerId, HttpContext context, bool isSubmit, Func<JsonNode>? body = null)
    {
        if (isSubmit)
        {
            _submits.AddOrUpdate(providerId, 1, (_, n) => n + 1);
        }

        var behavior = Behaviors[providerId];
        if (behavior.TakeServerError())
        {
            return Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "service unavailable", ["code"] = 503 } }, StatusCodes.Status503ServiceUnavailable);
        }

        if (!behavior.TakeRateLimit())
        {
            return null;
        }

        var wait = behavior.RetryAfterDelay;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        switch (behavior.RetryAfter)
        {
            case RetryAfterMode.Seconds:
                context.Response.Headers.RetryAfter = seconds;
                break;
            case RetryAfterMode.HttpDate:
                context.Response.Headers.RetryAfter = Time.GetUtcNow().Add(wait).AddSeconds(1).ToString("R", CultureInfo.InvariantCulture);
                break;
            case RetryAfterMode.Milliseconds:
                context.Response.Headers["retry-after-ms"] = ((int)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                break;
            case RetryAfterMode.None:
                break;
        }

        var json = body?.Invoke() ?? new JsonObject { ["error"] = new JsonObject { ["message"] = "rate limited", ["code"] = 429 } };
        return Json(json, StatusCodes.Status429TooManyRequests);
    }

    /// <summary>How the next task of <paramref name="providerId"/> ends, drawn from its failure and moderation rates.</summary>
    public TaskOutcome DrawOutcome(string providerId)
    {
        var behavior = Behaviors[providerId];
        double draw;
        lock (_randomLock)
        {
            draw = _random.NextDouble();
        }

        return draw < behavior.ModerationRate ? TaskOutcome.Moderated
            : draw < behavior.ModerationRate + behavior.FailureRate ? TaskOutcome.Fails
            : TaskOutcome.Succeeds;
    }

    public SimulatedTask Create(
        string providerId, string id, string prompt, long seed, int seconds, string aspectRatio, Uri? callbackUrl, string? externalId, string model, TaskOutcome? outcome = null)
    {
        var behavior = Behaviors[providerId];
        double latencyDraw;
        lock (_randomLock)
        {
            latencyDraw = _random.NextDouble();
        }

        outcome ??= DrawOutcome(providerId);
        var now = Time.GetUtcNow();
        var latency = behavior.LatencyMin + ((behavior.LatencyMax - behavior.LatencyMin) * latencyDraw);
        var task = new SimulatedTask(providerId, id, prompt, seed, seconds, aspectRatio, now, now + latency, outcome.Value, callbackUrl, externalId, model);
        _tasks[id] = task;
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

    /// <summary>A fresh, expiring download URL for a finished task.</summary>
    public Uri ResultUrl(SimulatedTask task)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var behavior = Behaviors[task.ProviderId];
        _urls[token] = (task.Id, behavior.TakeExpiredUrl() ? DateTimeOffset.MinValue : Time.GetUtcNow() + behavior.ResultUrlLifetime);
        return new Uri(BaseUrl, $"files/{token}.mp4");
    }

    /// <summary>Result downloads that carried an API key or bearer token: a CDN must never be sent one.</summary>
    public int CredentialedFileRequests => Volatile.Read(ref _credentialedFileRequests);

    public async Task<IResult> ServeFileAsync(string token, HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("x-goog-api-key") || context.Request.Headers.ContainsKey("Authorization"))
        {
            Interlocked.Increment(ref _credentialedFileRequests);
        }

        if (!_urls.TryGetValue(token, out var entry) || !_tasks.TryGetValue(entry.TaskId, out var task))
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (Time.GetUtcNow() > entry.Expires)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden); // like an expired signed URL
        }

        return Results.File(await ClipAsync(task), "video/mp4", enableRangeProcessing: true);
    }

    public Task<string> ClipAsync(SimulatedTask task) =>
        _clips.GetOrAdd(task.Id, _ => new Lazy<Task<string>>(() => RenderAsync(task))).Value;

    /// <summary>The request body as JSON, or null when it is not JSON (the endpoint then refuses it as the real API would).</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return VideoPipeline.Providers.JsonFields.TryParse(buffer.ToArray(), out var json) ? json : null;
    }

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(), "application/json", statusCode: status);

    /// <summary>Signs a Gemini per-request webhook JWT with the published key, or with an unpublished one when forging.</summary>
    public string GeminiJwt(string operation, bool forged) =>
        _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Options.JwtIssuer,
            Audience = Options.JwtAudience,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", operation)]),
            IssuedAt = Time.GetUtcNow().UtcDateTime,
            NotBefore = Time.GetUtcNow().UtcDateTime,
            Expires = Time.GetUtcNow().AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(forged ? _forgedKey : SigningKey, SecurityAlgorithms.RsaSha256),
        });

    public string Jwks() =>
        System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(SigningKey.Rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId }) } });

    /// <summary>Sends (and records) one callback; delivery failures are recorded, never thrown.</summary>
    public async Task SendAsync(string providerId, string taskId, Uri target, Dictionary<string, string> headers, byte[] body, bool forged)
    {
        int? status = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _callbackClient.SendAsync(request, _stopping.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The receiver was down: real providers retry; the record shows the miss.
        }

        var record = new RecordedCallback(providerId, taskId, target, headers, body, forged, status);
        _callbacks.Enqueue(record);
        CallbackRecorded?.Invoke(record);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _callbackClient.Dispose();
        _stopping.Dispose();
        if (Options.OutputDirectory is null)
        {
            try
            {
                Directory.Delete(OutputDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A download may still hold a file; the OS temp cleaner gets it.
            }
        }
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
                await ClipAsync(task); // render before announcing, so a callback's URL serves at once
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

    private async Task<string> RenderAsync(SimulatedTask task)
    {
        var path = Path.Combine(OutputDirectory, $"{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(task.Id)))[..24]}.mp4");
        var (width, height) = task.AspectRatio switch
        {
            AspectRatios.Portrait => (Options.RenderShortSide, Even(Options.RenderShortSide * 16 / 9)),
            AspectRatios.Square => (Options.RenderShortSide, Options.RenderShortSide),
            _ => (Even(Options.RenderShortSide * 16 / 9), Options.RenderShortSide),
        };
        await SyntheticClipRenderer.RenderAsync(_ffmpeg, path, task.Prompt, task.Seed, width, height, task.DurationSeconds, Options.RenderFramesPerSecond, _stopping.Token);
        return path;

        static int Even(int v) => v / 2 * 2;
    }

}
