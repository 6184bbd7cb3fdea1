using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers;

/// <summary>
/// What every HTTP provider adapter shares: JSON calls with errors mapped to failure kinds, the
/// "lost submit response" signal, result downloads that refresh expired URLs once, and price estimates.
/// </summary>
public abstract partial class RemoteVideoProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, ILogger logger) : IVideoProvider
{
    public abstract string Id { get; }

    public virtual bool IsRetired => false;

    public bool IsConfigured => Options.IsConfigured;

    protected abstract RemoteProviderOptions Options { get; }

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    public abstract Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken);

    public async Task<ProviderTaskStatus> GetStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadStatusAsync(taskId, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // JSON of an unexpected shape (a field of another type): the provider changed or misbehaved.
            throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "malformed_response", $"{Id} answered a status query with unexpected JSON"), ex);
        }
    }

    public async Task<CallbackVerification> VerifyCallbackAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        try
        {
            return await VerifyCoreAsync(callback, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return CallbackVerification.Reject("callback body is not the expected JSON");
        }
    }

    /// <summary>Reads the task's state from the provider; JSON of an unexpected shape becomes a transient failure.</summary>
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
                throw new ProviderCallException(new ProviderFailure(
                    ProviderFailureKind.Permanent, "not_succeeded", $"task {taskId} is {status.State}, not succeeded"));
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
                throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "result_expired", ex.Message), ex);
            }
        }
    }

    /// <summary>Opens the video of a succeeded task; the default downloads its first result URL.</summary>
    protected virtual Task<Stream> OpenSucceededAsync(ProviderTaskStatus status, CancellationToken cancellationToken)
    {
        var url = status.ResultUrls is { Count: > 0 } urls
            ? urls[0]
            : throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Permanent, "no_result", $"task {status.TaskId} succeeded without a result URL"));
        return downloader.OpenAsync(url, Options, AuthorizeDownload, cancellationToken);
    }

    /// <summary>Adds credentials to a download hop, but only for a host that needs them (never a CDN).</summary>
    protected virtual void AuthorizeDownload(HttpRequestMessage request)
    {
    }

    protected bool IsApiHost(Uri? url) =>
        url is not null && string.Equals(url.Host, Options.EffectiveBaseUrl.Host, StringComparison.OrdinalIgnoreCase) && url.Port == Options.EffectiveBaseUrl.Port;

    protected ResultDownloader Downloader => downloader;

    /// <summary>Adds credentials and fixed headers to an API request.</summary>
    protected abstract ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Maps an unsuccessful response to a failure; override to recognise the provider's moderation and error codes.</summary>
    protected virtual ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var code = (int)status;
        var message = body?["error"]?["message"]?.GetValue<string>() ?? body?["message"]?.GetValue<string>() ?? body?["error"]?.ToString() ?? $"HTTP {code}";
        var kind = status == HttpStatusCode.TooManyRequests || code >= 500 || status == HttpStatusCode.RequestTimeout
            ? ProviderFailureKind.Transient
            : ProviderFailureKind.Permanent;
        return new ProviderFailure(kind, $"http_{code}", message);
    }

    protected Uri Api(string relative) => new(Options.EffectiveBaseUrl, relative);

    protected void EnsureConfigured()
    {
        if (!Options.IsConfigured)
        {
            throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Permanent, "not_configured", $"{Id} has no credentials configured"));
        }
    }

    /// <summary>A read (GET/DELETE), retried by the pipeline; failures surface as <see cref="ProviderCallException"/>.</summary>
    protected Task<JsonNode?> GetJsonAsync(Uri url, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Get, url, null, isSubmit: false, cancellationToken);

    /// <summary>A submit: never retried after it may have reached the provider; a lost response throws <see cref="SubmitInDoubtException"/>.</summary>
    protected Task<JsonNode?> PostJsonAsync(Uri url, JsonNode body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, url, body, isSubmit: true, cancellationToken);

    /// <summary>
    /// Posts a submit and reads the new task's id with <paramref name="idOf"/>. A lost response goes to
    /// <paramref name="reconcile"/>; without one the submit ends in doubt, because re-posting could pay twice.
    /// </summary>
    protected async Task<SubmissionResult> SubmitAsync(
        Uri url,
        JsonNode body,
        Func<JsonNode?, string?> idOf,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<SubmissionResult>>? reconcile = null)
    {
        try
        {
            var json = await PostJsonAsync(url, body, cancellationToken);
            string? id;
            try
            {
                id = idOf(json);
            }
            catch (InvalidOperationException)
            {
                id = null;
            }

            // Accepted, so possibly billed, but with no id to follow: as much in doubt as a lost response.
            return id is not null ? SubmissionResult.Ok(id)
                : reconcile is not null ? await reconcile(cancellationToken)
                : SubmissionResult.Failed(new ProviderFailure(ProviderFailureKind.InDoubt, "malformed_response", $"{Id} accepted the submit without a readable task id; not re-posted"));
        }
        catch (SubmitInDoubtException) when (reconcile is not null)
        {
            return await reconcile(cancellationToken);
        }
        catch (SubmitInDoubtException)
        {
            return SubmissionResult.Failed(new ProviderFailure(ProviderFailureKind.InDoubt, "submit_in_doubt",
                $"the response to the {Id} submit was lost and its API cannot find a task by anything but its id; not re-posted"));
        }
        catch (ProviderCallException ex) when (reconcile is not null && IsDuplicateSubmit(ex.Failure))
        {
            // An earlier, in-doubt submit of this candidate arrived after all: adopt that task.
            return await reconcile(cancellationToken);
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ex.Failure);
        }
    }

    /// <summary>True when the provider refused a submit because the candidate's correlation id is already taken.</summary>
    protected virtual bool IsDuplicateSubmit(ProviderFailure failure) => false;

    /// <summary>A POST that only reads (e.g. Vertex fetchPredictOperation): lost responses are plain transient failures.</summary>
    protected Task<JsonNode?> PostReadAsync(Uri url, JsonNode body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, url, body, isSubmit: false, cancellationToken);

    protected ProviderTaskStatus Observed(string taskId, ProviderTaskState state, IReadOnlyList<Uri>? urls = null, ProviderFailure? failure = null, double? progress = null) =>
        new(taskId, state, time.GetUtcNow(), urls, failure, progress);

    protected static Uri? ParseUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : null;

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
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (isSubmit && ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError))
        {
            LogSubmitInDoubt(logger, Id, ex.HttpRequestError);
            throw new SubmitInDoubtException("the submit's response was lost", ex);
        }
        catch (TimeoutRejectedException ex) when (isSubmit)
        {
            LogSubmitInDoubt(logger, Id, HttpRequestError.Unknown);
            throw new SubmitInDoubtException("the submit timed out", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "unreachable", $"{Id} did not answer: {ex.GetType().Name}"), ex);
        }

        using (response)
        {
            JsonNode? json = null;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    json = JsonNode.Parse(text);
                }
                catch (JsonException) when (!response.IsSuccessStatusCode)
                {
                    // An error page that is not JSON: the status code says enough.
                }
                catch (JsonException ex)
                {
                    throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "malformed_response", $"{Id} answered with malformed JSON"), ex);
                }
            }

            if (!response.IsSuccessStatusCode)
            {
                var failure = MapError(response.StatusCode, json);
                LogCallFailed(logger, Id, method.Method, (int)response.StatusCode, failure.Code);
                throw new ProviderCallException(failure);
            }

            return json;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: submit response lost ({Error}); reconciling instead of re-posting")]
    private static partial void LogSubmitInDoubt(ILogger logger, string provider, HttpRequestError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: {Method} failed with HTTP {Status} ({Code})")]
    private static partial void LogCallFailed(ILogger logger, string provider, string method, int status, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: result URL of task {TaskId} expired; refreshing it with a status query")]
    private static partial void LogResultUrlExpired(ILogger logger, string provider, string taskId);
}
