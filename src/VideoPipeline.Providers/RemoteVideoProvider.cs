using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers;

/// <summary>
/// What every HTTP provider adapter shares: JSON calls whose every read has a deadline (headers and body),
/// errors mapped to <see cref="ProviderFailures"/>, the in-doubt rule for submits, result downloads that refresh
/// expired URLs once, and price estimates. Nothing outside the port's contract escapes: a submit returns a
/// <see cref="SubmissionResult"/>, a status read throws only <see cref="ProviderCallException"/>, a callback
/// verification returns a verdict, whatever bytes the network brought.
/// </summary>
public abstract partial class RemoteVideoProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, ILogger logger) : IVideoProvider
{
    /// <summary>The largest JSON answer read; a bigger one is malformed (Vertex inline videos raise it).</summary>
    protected const long DefaultMaxJsonBytes = 8L * 1024 * 1024;

    public abstract string Id { get; }

    public virtual bool IsRetired => false;

    public bool IsConfigured => Options.IsConfigured;

    /// <inheritdoc/>
    public virtual bool FindsEarlierSubmits => false;

    protected abstract RemoteProviderOptions Options { get; }

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected ResultDownloader Downloader => downloader;

    /// <summary>The largest JSON body this adapter reads.</summary>
    protected virtual long MaxJsonBytes => DefaultMaxJsonBytes;

    /// <summary>
    /// Refuses, before anything is sent or spent, a request the provider would refuse or misread; null sends it.
    /// The catalogue decides what to route where; this is the adapter's own last check of the wire values.
    /// </summary>
    protected virtual ProviderFailure? CheckRequest(SubmissionRequest request) => null;

    /// <summary>Posts the submit, usually through <see cref="SubmitAsync(Uri, JsonNode, Func{JsonNode?, string?}, CancellationToken, Func{CancellationToken, Task{SubmissionResult}}?)"/>.</summary>
    protected abstract Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken);

    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((CatalogueRefusal(request) ?? CheckRequest(request)) is { } refused)
        {
            LogRefusedBeforeSending(logger, Id, refused.Code, refused.Message);
            return SubmissionResult.Failed(refused);
        }

        try
        {
            var result = await SubmitCoreAsync(request, cancellationToken);

            // A submit's path or body names the model: "not found" there is the model (unknown, retired, not offered).
            return result.Failure is { } failure && failure.Is(ProviderFailureCodes.NotFound)
                ? SubmissionResult.Failed(ProviderFailures.ModelUnavailable(failure.Message, failure.ProviderCode))
                : result;
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ex.Failure);
        }
        catch (Exception ex) when (IsUnexpected(ex, cancellationToken))
        {
            // Bytes we could not make sense of after the submit may have gone out: never re-post it.
            LogUnexpected(logger, Id, "submit", ex.GetType().Name);
            return SubmissionResult.Failed(ProviderFailures.InDoubt($"{Id} answered the submit with something unreadable ({ex.GetType().Name}); not re-posted"));
        }
    }

    public async Task<ProviderTaskStatus> GetStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadStatusAsync(taskId, cancellationToken);
        }
        catch (Exception ex) when (ex is not ProviderCallException && IsUnexpected(ex, cancellationToken))
        {
            LogUnexpected(logger, Id, "status read", ex.GetType().Name);
            throw new ProviderCallException(ProviderFailures.Malformed($"{Id} answered a status query with unexpected content ({ex.GetType().Name})"), ex);
        }
    }

    public async Task<CallbackVerification> VerifyCallbackAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            return await VerifyCoreAsync(callback, cancellationToken);
        }
        catch (ProviderCallException ex)
        {
            return CallbackVerification.Reject($"callback could not be verified: {ex.Failure.Message}");
        }
        catch (Exception ex) when (IsUnexpected(ex, cancellationToken))
        {
            LogUnexpected(logger, Id, "callback verification", ex.GetType().Name);
            return CallbackVerification.Reject($"callback is not what {Id} sends ({ex.GetType().Name})");
        }
    }

    /// <summary>
    /// The model catalogue's refusal of a request its model cannot make (retired: model unavailable, so the slot is
    /// re-routed; a size, aspect ratio, input or length it does not make: unsupported), or null. Models the catalogue
    /// does not list are left to <see cref="CheckRequest"/> and the provider. A shutdown date is the provider's public
    /// API's: an adapter pointed elsewhere with <c>BaseUrl</c> (a compatible endpoint, the simulator) is not held to
    /// it here; routing still never picks a retired model.
    /// </summary>
    private ProviderFailure? CatalogueRefusal(SubmissionRequest request)
    {
        if (ModelCatalog.Find(Id, request.Model ?? Options.Model, request.Mode ?? Options.DefaultMode) is not { } entry)
        {
            return null;
        }

        var now = Options.BaseUrl is null ? time.GetUtcNow() : DateTimeOffset.MinValue;
        var shot = new ShotRequirements(request.DurationSeconds, request.Resolution, request.AspectRatio, request.ReferenceImageUrl is not null, MaxExtraSeconds: int.MaxValue);
        return entry.CannotMake(shot, now) is not { } reason ? null
            : entry.Lifecycle.IsRetiredAt(now) ? ProviderFailures.ModelUnavailable($"{Id}: {reason}")
            : ProviderFailures.Unsupported($"{Id}: {reason}");
    }

    /// <summary>Reads the task's state from the provider; content of an unexpected shape becomes a transient failure.</summary>
    protected abstract Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Verifies and parses a callback; unparseable bodies are rejected by the caller.</summary>
    protected virtual Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken) =>
        Task.FromResult(CallbackVerification.Reject($"{Id} sends no callbacks"));

    public PriceEstimate EstimatePrice(SubmissionRequest request) =>
        prices.Estimate(Id, request.Model ?? Options.Model, request.DurationSeconds, request.Resolution, request.Mode ?? Options.DefaultMode);

    public async Task<Stream> OpenResultAsync(string taskId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var status = await GetStatusAsync(taskId, cancellationToken);
            if (status.State != ProviderTaskState.Succeeded)
            {
                throw new ProviderCallException(ProviderFailures.NotSucceeded($"task {taskId} is {status.State}, not succeeded"));
            }

            try
            {
                return await OpenSucceededAsync(status, cancellationToken);
            }
            catch (ResultUrlExpiredException) when (attempt == 0)
            {
                LogResultUrlExpired(logger, Id, taskId);
            }
            catch (ResultUrlExpiredException ex)
            {
                throw new ProviderCallException(ProviderFailures.ResultExpired(ex.Message), ex);
            }
        }
    }

    /// <summary>Opens the video of a succeeded task; the default downloads its first result URL.</summary>
    protected virtual Task<Stream> OpenSucceededAsync(ProviderTaskStatus status, CancellationToken cancellationToken)
    {
        var url = status.ResultUrls is { Count: > 0 } urls
            ? urls[0]
            : throw new ProviderCallException(ProviderFailures.NoResult($"task {status.TaskId} succeeded without a result URL"));
        return downloader.OpenAsync(url, Options, AuthorizeDownload, cancellationToken);
    }

    /// <summary>Adds credentials to a download hop, but only for a host that needs them (never a CDN).</summary>
    protected virtual void AuthorizeDownload(HttpRequestMessage request)
    {
    }

    protected bool IsApiHost(Uri? url) =>
        url is not null && string.Equals(url.Host, Options.EffectiveBaseUrl.Host, StringComparison.OrdinalIgnoreCase) && url.Port == Options.EffectiveBaseUrl.Port;

    /// <summary>Adds credentials and fixed headers to an API request.</summary>
    protected abstract ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Maps an unsuccessful response to a failure by its status; override to read the provider's error body
    /// (moderation, model and account codes) and fall back to this. <paramref name="body"/> may be of any shape.
    /// </summary>
    protected virtual ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var code = (int)status;
        var message = body.Field("error").Field("message").AsText() ?? body.Field("message").AsText() ?? body.Field("error").AsText() ?? $"HTTP {code}";
        return FailureForStatus(status, $"{Id}: {message}", $"http_{code}");
    }

    /// <summary>The failure an HTTP status stands for when the body says nothing more specific.</summary>
    protected static ProviderFailure FailureForStatus(HttpStatusCode status, string reason, string? providerCode) =>
        status switch
        {
            HttpStatusCode.TooManyRequests => ProviderFailures.RateLimited(reason, providerCode),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => ProviderFailures.Timeout(reason),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ProviderFailures.Unauthorized(reason, providerCode),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => ProviderFailures.NotFound(reason, providerCode),
            _ when (int)status >= 500 => ProviderFailures.ProviderUnavailable(reason, providerCode),
            _ => ProviderFailures.Rejected(reason, providerCode),
        };

    protected Uri Api(string relative) => new(Options.EffectiveBaseUrl, relative);

    protected void EnsureConfigured()
    {
        if (!Options.IsConfigured)
        {
            throw new ProviderCallException(ProviderFailures.NotConfigured($"{Id} has no credentials configured"));
        }
    }

    /// <summary>A read (GET/DELETE), retried by the pipeline; failures surface as <see cref="ProviderCallException"/>.</summary>
    protected Task<JsonNode?> GetJsonAsync(Uri url, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Get, url, null, isSubmit: false, cancellationToken);

    /// <summary>A submit: never retried after it may have reached the provider; an answer that may hide an accepted task throws <see cref="SubmitInDoubtException"/>.</summary>
    protected Task<JsonNode?> PostJsonAsync(Uri url, JsonNode body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, url, body, isSubmit: true, cancellationToken);

    /// <summary>
    /// Posts a submit and reads the new task's id with <paramref name="idOf"/>. An answer that may hide an
    /// accepted task (lost, timed out, 500/502/504, an unreadable 2xx) goes to <paramref name="reconcile"/>;
    /// without one the submit ends in doubt, because re-posting could pay twice.
    /// </summary>
    protected async Task<SubmissionResult> SubmitAsync(
        Uri url,
        JsonNode body,
        Func<JsonNode?, string?> idOf,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<SubmissionResult>>? reconcile = null)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        try
        {
            var json = await PostJsonAsync(url, body, cancellationToken);
            var id = idOf(json);

            // Accepted, so possibly billed, but with no id to follow: as much in doubt as a lost response.
            return !string.IsNullOrWhiteSpace(id) ? SubmissionResult.Ok(id)
                : reconcile is not null ? await reconcile(cancellationToken)
                : SubmissionResult.Failed(ProviderFailures.InDoubt($"{Id} accepted the submit without a readable task id; not re-posted"));
        }
        catch (SubmitInDoubtException) when (reconcile is not null)
        {
            return await reconcile(cancellationToken);
        }
        catch (SubmitInDoubtException ex)
        {
            return SubmissionResult.Failed(ProviderFailures.InDoubt(
                $"{ex.Message}; {Id} cannot find a task by anything but its id, so it is not re-posted"));
        }
        catch (ProviderCallException ex) when (reconcile is not null && ex.Failure.Is(ProviderFailureCodes.DuplicateSubmit))
        {
            // An earlier, in-doubt submit of this candidate arrived after all: adopt that task.
            return await reconcile(cancellationToken);
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ex.Failure);
        }
    }

    /// <summary>A POST that only reads (e.g. Vertex fetchPredictOperation): lost responses are plain transient failures.</summary>
    protected Task<JsonNode?> PostReadAsync(Uri url, JsonNode body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, url, body, isSubmit: false, cancellationToken);

    protected ProviderTaskStatus Observed(string taskId, ProviderTaskState state, IReadOnlyList<Uri>? urls = null, ProviderFailure? failure = null, double? progress = null) =>
        new(taskId, state, time.GetUtcNow(), urls, failure, progress);

    protected static Uri? ParseUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : null;

    /// <summary>True for an exception that came from bad bytes or a broken network, not from the caller cancelling.</summary>
    protected static bool IsUnexpected(Exception ex, CancellationToken cancellationToken) =>
        ex is not (OutOfMemoryException or StackOverflowException)
        && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>500, 502 and 504 to a submit: the provider may have created (and will bill) the task before failing to answer.</summary>
    private static bool MayHaveBeenAccepted(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private async Task<JsonNode?> SendJsonAsync(HttpMethod method, Uri url, JsonNode? body, bool isSubmit, CancellationToken cancellationToken)
    {
        EnsureConfigured();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        await AuthorizeAsync(request, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (isSubmit && ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError))
        {
            LogSubmitInDoubt(logger, Id, ex.HttpRequestError.ToString());
            throw new SubmitInDoubtException($"the response to the {Id} submit was lost", ex);
        }
        catch (Exception ex) when (isSubmit && ex is TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogSubmitInDoubt(logger, Id, "timeout");
            throw new SubmitInDoubtException($"the {Id} submit timed out", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderCallException(ProviderFailures.Unreachable($"{Id} did not answer ({ex.HttpRequestError})"), ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderCallException(ProviderFailures.Timeout($"{Id} did not answer in time"), ex);
        }

        using (response)
        {
            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400)
            {
                // Redirects are not followed (the handler is built that way): credentials never go to another host.
                var failure = isSubmit
                    ? ProviderFailures.Rejected($"{Id} answered the submit with a redirect ({(int)status}); not followed", $"http_{(int)status}")
                    : ProviderFailures.Malformed($"{Id} answered with a redirect ({(int)status}); not followed, so credentials stay on the API host");
                LogCallFailed(logger, Id, method.Method, (int)status, failure.Code);
                throw new ProviderCallException(failure);
            }

            var (bytes, problem) = await ReadBodyAsync(response, cancellationToken);
            var accepted = response.IsSuccessStatusCode;
            JsonNode? json = null;
            if (problem is null && bytes.Length > 0 && !IsBlank(bytes) && !JsonFields.TryParse(bytes, out json) && accepted)
            {
                problem = ProviderFailures.Malformed($"{Id} answered HTTP {(int)status} with a body that is not JSON");
            }

            if (isSubmit && (accepted || MayHaveBeenAccepted(status)) && (problem is not null || !accepted))
            {
                var why = problem?.Message ?? $"{Id} answered the submit with HTTP {(int)status}, after which the task may exist";
                LogSubmitInDoubt(logger, Id, problem?.Code ?? $"http_{(int)status}");
                throw new SubmitInDoubtException(why);
            }

            if (accepted)
            {
                return problem is null ? json : throw new ProviderCallException(problem);
            }

            // An error whose body could not be read or is not JSON: the status code says enough.
            var error = MapError(status, json);
            LogCallFailed(logger, Id, method.Method, (int)status, error.Code);
            throw new ProviderCallException(error);
        }
    }

    /// <summary>The whole body within <see cref="RemoteProviderOptions.BodyTimeout"/> and <see cref="MaxJsonBytes"/>, or why not.</summary>
    private async Task<(byte[] Bytes, ProviderFailure? Problem)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var max = MaxJsonBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            return ([], ProviderFailures.Malformed($"{Id} announced a {response.Content.Headers.ContentLength}-byte answer, more than the {max} read"));
        }

        using var deadline = new CancellationTokenSource(Options.BodyTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, linked.Token)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return ([], ProviderFailures.Malformed($"{Id} answered more than {max} bytes"));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([], ProviderFailures.Timeout($"{Id}'s answer stalled after its headers (no whole body within {Options.BodyTimeout.TotalSeconds:0.#} s)"));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return ([], ProviderFailures.Malformed($"{Id}'s answer was cut off ({ex.GetType().Name})"));
        }
    }

    private static bool IsBlank(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: submit may have been accepted ({Why}); reconciling or failing in doubt, never re-posting")]
    private static partial void LogSubmitInDoubt(ILogger logger, string provider, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: {Method} failed with HTTP {Status} ({Code})")]
    private static partial void LogCallFailed(ILogger logger, string provider, string method, int status, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: result URL of task {TaskId} expired; refreshing it with a status query")]
    private static partial void LogResultUrlExpired(ILogger logger, string provider, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: {Operation} met unexpected content ({Exception}); answered with a typed failure")]
    private static partial void LogUnexpected(ILogger logger, string provider, string operation, string exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: request refused before sending ({Code}): {Reason}")]
    private static partial void LogRefusedBeforeSending(ILogger logger, string provider, string code, string reason);
}
