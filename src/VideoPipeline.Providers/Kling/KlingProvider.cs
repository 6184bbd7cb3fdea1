using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Kling;

/// <summary>
/// Kling: POST /v1/videos/text2video (or image2video) with <c>external_task_id</c> = the candidate's
/// correlation id and an optional <c>callback_url</c>; GET /v1/videos/{kind}/{task_id or external_task_id}.
/// Auth is a short-lived HS256 JWT (iss = access key, exp, nbf) signed with the secret key. Callbacks are
/// unsigned, so they are only hints that trigger a status query, and only when they carry the route token.
/// Before each submit the task is looked up by its external id, so a retried candidate adopts a task an
/// earlier in-doubt submit created instead of paying for a second one.
/// (Official docs: app.klingai.com/global/dev/document-api, "General Information" and "Video Generation".)
/// </summary>
public sealed class KlingProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<KlingOptions> options, ILogger<KlingProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>Business codes of Kling's error table ("General Information", Error Code): HTTP status, service code.</summary>
    public const int ModerationCode = 1301;

    /// <summary>"duration": "5" or "10" (Text to Video, request body); a shorter request gets the shorter clip.</summary>
    private static readonly DurationRule Lengths = DurationRule.OneOf(5, 10);

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lock _tokenLock = new();
    private (string Token, DateTimeOffset RenewAt)? _token;

    public override string Id => ProviderIds.Kling;

    /// <summary>Every submit looks its external id up before posting (see <see cref="SubmitCoreAsync"/>).</summary>
    public override bool FindsEarlierSubmits => true;

    protected override RemoteProviderOptions Options => options.Value;

    /// <summary>Kling's prompt limit ("cannot exceed 2500 characters", API specification 2024-09-19 update).</summary>
    public const int MaxPromptLength = 2500;

    protected override ProviderFailure? CheckRequest(SubmissionRequest request) =>
        string.IsNullOrWhiteSpace(request.Prompt) ? ProviderFailures.Unsupported("Kling needs a non-empty prompt")
        : request.Prompt.Length > MaxPromptLength ? ProviderFailures.Unsupported($"Kling takes prompts of at most {MaxPromptLength} characters; this one has {request.Prompt.Length}")
        : request.NegativePrompt is { Length: > MaxPromptLength } ? ProviderFailures.Unsupported($"Kling takes negative prompts of at most {MaxPromptLength} characters")
        : request.DurationSeconds < 1 || Lengths.OutputFor(request.DurationSeconds) is null ? ProviderFailures.Unsupported($"Kling makes {Lengths.Describe()} clips; {request.DurationSeconds} s was asked")
        : request.AspectRatio is not (AspectRatios.Landscape or AspectRatios.Portrait or AspectRatios.Square) ? ProviderFailures.Unsupported($"Kling makes 16:9, 9:16 or 1:1; {request.AspectRatio} was asked")
        : null;

    protected override async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var kind = request.ReferenceImageUrl is null ? "text2video" : "image2video";

        // A task with this external id already exists (an earlier submit whose answer was lost arrived after all): adopt it.
        if (await FindByExternalIdAsync(kind, request.CorrelationId, cancellationToken) is { } existing)
        {
            return SubmissionResult.Ok(existing, reconciled: true);
        }

        // Fields as in Kling's "Text to Video" create-task request body; duration is a string, "5" or "10".
        var body = new JsonObject
        {
            ["model_name"] = request.Model ?? options.Value.Model,
            ["prompt"] = request.Prompt,
            ["duration"] = (Lengths.OutputFor(request.DurationSeconds) ?? Lengths.Max).ToString(CultureInfo.InvariantCulture),
            ["aspect_ratio"] = request.AspectRatio,
            ["mode"] = request.Mode ?? options.Value.Mode, // the route's catalogue mode: std makes 720p, pro 1080p
            ["external_task_id"] = request.CorrelationId,
        };
        if (request.NegativePrompt is { } negative)
        {
            body["negative_prompt"] = negative;
        }

        if (request.CallbackUrl is { } callback)
        {
            body["callback_url"] = WithRouteToken(callback).ToString();
        }

        if (request.ReferenceImageUrl is { } image)
        {
            body["image"] = image.ToString();
        }

        return await SubmitAsync(
            Api($"v1/videos/{kind}"), body, json => json.Field("data").Field("task_id").AsText(), cancellationToken,
            ct => ReconcileAsync(kind, request.CorrelationId, ct));
    }

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        JsonNode? json;
        try
        {
            json = await GetJsonAsync(TaskUrl("text2video", taskId), cancellationToken);
        }
        catch (ProviderCallException ex) when (ex.Failure.Is(ProviderFailureCodes.NotFound))
        {
            // Kling queries a task under the endpoint that created it; ids alone do not say which.
            json = await GetJsonAsync(TaskUrl("image2video", taskId), cancellationToken);
        }

        return StatusOf(json.Field("data"), taskId);
    }

    protected override Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        // Kling signs nothing: anyone can post this, so it needs our route token, and then only wakes the candidate up for a query.
        if (options.Value.CallbackToken is not { Length: > 0 } expected)
        {
            return Task.FromResult(CallbackVerification.Reject($"{KlingOptions.SectionName}:CallbackToken is not set, so no Kling callback can be told from a forgery"));
        }

        if (callback.RouteToken is not { } token
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(CallbackVerification.Reject("callback does not carry the Kling route token"));
        }

        if (!JsonFields.TryParse(callback.Body.Span, out var json))
        {
            return Task.FromResult(CallbackVerification.Reject("callback body is not JSON"));
        }

        var taskId = json.Field("task_id").AsText();
        return Task.FromResult(string.IsNullOrWhiteSpace(taskId) ? CallbackVerification.Reject("callback names no task_id") : CallbackVerification.HintFor(taskId));
    }

    /// <summary>
    /// Kling's error table (HTTP status, business code): 401/1000–1004 authentication; 429/1100 account exception,
    /// 1101 arrears, 1102 resource pack depleted or expired (permanent until someone pays: never retried);
    /// 403/1103 unauthorised for the resource; 400/1200–1202 and 404/1203 request errors; 400/1300 platform policy,
    /// 1301 content safety; 429/1302 rate limit, 1303 concurrency or package limit, 1304 IP allow-list refusal
    /// (permanent until the allow-list changes); 500/5000, 503/5001, 504/5002 server trouble. Codes arrive as numbers
    /// or strings. (The rows for 1000–1102 are confirmed against the docs' table; the rest are as recalled from it.)
    /// </summary>
    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var code = body.Field("code").AsLong();
        var text = body.Field("message").AsText() ?? $"HTTP {(int)status}";
        var own = code?.ToString(CultureInfo.InvariantCulture);
        var reason = $"Kling {own ?? $"HTTP {(int)status}"}: {text}";
        return code switch
        {
            >= 1000 and <= 1004 => ProviderFailures.Unauthorized(reason, own),
            >= 1100 and <= 1102 => ProviderFailures.AccountBlocked(reason, own),
            1103 => ProviderFailures.Unauthorized(reason, own),
            1203 => ProviderFailures.NotFound(reason, own),
            >= 1200 and <= 1202 => ProviderFailures.Rejected(reason, own),
            1300 or ModerationCode => ProviderFailures.Moderated(reason, own),
            1302 or 1303 => ProviderFailures.RateLimited(reason, own),
            1304 => ProviderFailures.Unauthorized($"{reason} (this machine's IP is not on the account's allow-list)", own),
            _ => FailureForStatus(status, reason, own ?? $"http_{(int)status}"),
        };
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CurrentToken());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// True for a 429 that is not throttling (1100–1102 account, arrears, depleted pack; 1304 IP allow-list): the
    /// resilience pipeline must not retry it. Reads at most 64 KiB of the body within 5 s; anything unreadable counts as throttling.
    /// </summary>
    public static async ValueTask<bool> IsPermanentRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await response.Content.LoadIntoBufferAsync(64 * 1024, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return JsonFields.TryParse(bytes, out var json) && json.Field("code").AsLong() is >= 1100 and <= 1102 or 1304;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Uri TaskUrl(string kind, string id) => Api($"v1/videos/{kind}/{Uri.EscapeDataString(id)}");

    private Uri WithRouteToken(Uri callback)
    {
        var token = options.Value.CallbackToken;
        if (string.IsNullOrEmpty(token) || callback.AbsolutePath.TrimEnd('/').EndsWith("/" + token, StringComparison.Ordinal))
        {
            return callback;
        }

        var builder = new UriBuilder(callback);
        builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(token);
        return builder.Uri;
    }

    /// <summary>The id of the task created with this external id, or null when Kling knows none.</summary>
    private async Task<string?> FindByExternalIdAsync(string kind, string externalId, CancellationToken cancellationToken)
    {
        try
        {
            var json = await GetJsonAsync(TaskUrl(kind, externalId), cancellationToken);
            return json.Field("data").Field("task_id").AsText();
        }
        catch (ProviderCallException ex) when (ex.Failure.Is(ProviderFailureCodes.NotFound))
        {
            return null;
        }
    }

    private async Task<SubmissionResult> ReconcileAsync(string kind, string externalId, CancellationToken cancellationToken)
    {
        try
        {
            var id = await FindByExternalIdAsync(kind, externalId, cancellationToken);

            // Kling knows no task with this external id, so nothing was spent yet. A later try of this
            // candidate looks the external id up again before posting, so even a late arrival is adopted, not paid twice.
            return id is not null ? SubmissionResult.Ok(id, reconciled: true)
                : SubmissionResult.Failed(ProviderFailures.Unreachable("the submit never reached Kling (no task has its external_task_id)"));
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ProviderFailures.InDoubt($"the Kling submit may have been accepted and the lookup by external_task_id failed: {ex.Failure.Message}"));
        }
    }

    internal ProviderTaskStatus StatusOf(JsonNode? data, string taskId)
    {
        // task_status: submitted | processing | succeed | failed ("Query Task (Single)").
        var state = data.Field("task_status").AsText();
        switch (state)
        {
            case "submitted":
                return Observed(taskId, ProviderTaskState.Queued);
            case "processing":
                return Observed(taskId, ProviderTaskState.Running);
            case "succeed":
                var urls = data.Field("task_result").Field("videos").Items().Select(v => ParseUrl(v.Field("url").AsText())).OfType<Uri>().ToList();
                return urls.Count > 0
                    ? Observed(taskId, ProviderTaskState.Succeeded, urls)
                    : throw new ProviderCallException(ProviderFailures.Malformed($"Kling task {taskId} succeeded without a readable video URL"));
            case "failed":
                var message = data.Field("task_status_msg").AsText() ?? "the task failed";

                // A task refused after submission reports no code, only a message. This is the one place a message
                // is read: Kling's wording for its content review mentions "risk" or "content security".
                var moderated = message.Contains("risk", StringComparison.OrdinalIgnoreCase) || message.Contains("content security", StringComparison.OrdinalIgnoreCase);
                return Observed(taskId, ProviderTaskState.Failed, failure: moderated ? ProviderFailures.Moderated(message, "1301") : ProviderFailures.TaskFailed(message, "failed"));
            default:
                throw new ProviderCallException(ProviderFailures.Malformed($"Kling task status '{state ?? "(none)"}' is unknown"));
        }
    }

    private string CurrentToken()
    {
        lock (_tokenLock)
        {
            var now = Time.GetUtcNow();
            if (_token is { } cached && now < cached.RenewAt)
            {
                return cached.Token;
            }

            var o = options.Value;
            var token = Tokens.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = o.AccessKey,
                NotBefore = now.AddSeconds(-5).UtcDateTime, // Kling's sample code backdates nbf for clock skew
                Expires = now.Add(TokenLifetime).UtcDateTime,
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(o.SecretKey!)), SecurityAlgorithms.HmacSha256),
            });
            _token = (token, now.Add(TokenLifetime - TimeSpan.FromMinutes(5)));
            return token;
        }
    }
}
