using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Providers.Downloads;
using VideoPipeline.Providers.Pricing;

namespace VideoPipeline.Providers.Kling;

/// <summary>
/// Kling: POST /v1/videos/text2video (or image2video) with <c>external_task_id</c> = the candidate's
/// correlation id and an optional <c>callback_url</c>; GET …/{task_id}. Auth is a short-lived HS256 JWT
/// (iss = access key, exp, nbf) signed with the secret key. Callbacks are unsigned, so they are only hints
/// that trigger a status query; a lost submit response is reconciled by looking the task up by its external id.
/// </summary>
public sealed class KlingProvider(
    HttpClient http, ResultDownloader downloader, PriceTable prices, TimeProvider time, IOptions<KlingOptions> options, ILogger<KlingProvider> logger)
    : RemoteVideoProvider(http, downloader, prices, time, logger)
{
    /// <summary>Kling's business code for a prompt or image refused by its content-safety review.</summary>
    public const int ModerationCode = 1301;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lock _tokenLock = new();
    private (string Token, DateTimeOffset RenewAt)? _token;

    public override string Id => ProviderIds.Kling;

    protected override RemoteProviderOptions Options => options.Value;

    public override async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["model_name"] = request.Model ?? options.Value.Model,
            ["prompt"] = request.Prompt,
            ["duration"] = request.DurationSeconds <= 5 ? "5" : "10",
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
            body["callback_url"] = callback.ToString();
        }

        if (request.ReferenceImageUrl is { } image)
        {
            body["image"] = image.ToString();
        }

        var kind = request.ReferenceImageUrl is null ? "text2video" : "image2video";
        return await SubmitAsync(
            Api($"v1/videos/{kind}"), body, json => json?["data"]?["task_id"]?.GetValue<string>(), cancellationToken,
            ct => ReconcileAsync(kind, request.CorrelationId, ct));
    }

    // Kling refuses a second task with the same external_task_id; the refusal means an earlier submit got through.
    protected override bool IsDuplicateSubmit(ProviderFailure failure) =>
        failure.Message.Contains("external_task_id", StringComparison.OrdinalIgnoreCase);

    protected override async Task<ProviderTaskStatus> ReadStatusAsync(string taskId, CancellationToken cancellationToken)
    {
        JsonNode? json;
        try
        {
            json = await GetJsonAsync(Api($"v1/videos/text2video/{Uri.EscapeDataString(taskId)}"), cancellationToken);
        }
        catch (ProviderCallException ex) when (ex.Failure.Code == "http_404")
        {
            // Kling queries a task under the endpoint that created it; ids alone do not say which.
            json = await GetJsonAsync(Api($"v1/videos/image2video/{Uri.EscapeDataString(taskId)}"), cancellationToken);
        }

        return StatusOf(json?["data"], taskId);
    }

    protected override Task<CallbackVerification> VerifyCoreAsync(ProviderCallback callback, CancellationToken cancellationToken)
    {
        // Kling signs nothing: anyone can post this, so it may only wake the candidate up for a query.
        var taskId = JsonNode.Parse(callback.Body.Span)?["task_id"]?.GetValue<string>();
        return Task.FromResult(string.IsNullOrWhiteSpace(taskId) ? CallbackVerification.Reject("callback names no task_id") : CallbackVerification.HintFor(taskId));
    }

    protected override ProviderFailure MapError(HttpStatusCode status, JsonNode? body)
    {
        var code = body?["code"]?.GetValue<int>();
        var message = body?["message"]?.GetValue<string>() ?? $"HTTP {(int)status}";
        return code switch
        {
            ModerationCode => new ProviderFailure(ProviderFailureKind.Moderation, "1301", message),
            1302 or 1303 or 1304 => new ProviderFailure(ProviderFailureKind.Transient, code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), message),
            _ => base.MapError(status, body),
        };
    }

    protected override ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CurrentToken());
        return ValueTask.CompletedTask;
    }

    private async Task<SubmissionResult> ReconcileAsync(string kind, string externalId, CancellationToken cancellationToken)
    {
        try
        {
            var json = await GetJsonAsync(Api($"v1/videos/{kind}?external_task_id={Uri.EscapeDataString(externalId)}"), cancellationToken);
            var id = json?["data"]?["task_id"]?.GetValue<string>();
            return id is null ? NeverArrived() : SubmissionResult.Ok(id, reconciled: true);
        }
        catch (ProviderCallException ex) when (ex.Failure.Code == "http_404")
        {
            return NeverArrived();
        }
        catch (ProviderCallException ex)
        {
            return SubmissionResult.Failed(ex.Failure with { Kind = ProviderFailureKind.InDoubt });
        }

        // Kling knows no task with this external id, so nothing was spent. Submitting again is safe:
        // Kling refuses a second task with the same external_task_id, so even a late arrival cannot bill twice.
        static SubmissionResult NeverArrived() =>
            SubmissionResult.Failed(new ProviderFailure(ProviderFailureKind.Transient, "submit_lost", "the submit never reached Kling"));
    }

    internal ProviderTaskStatus StatusOf(JsonNode? data, string taskId)
    {
        var state = data?["task_status"]?.GetValue<string>();
        switch (state)
        {
            case "submitted":
                return Observed(taskId, ProviderTaskState.Queued);
            case "processing":
                return Observed(taskId, ProviderTaskState.Running);
            case "succeed":
                var urls = data?["task_result"]?["videos"]?.AsArray().Select(v => ParseUrl(v?["url"]?.GetValue<string>())).OfType<Uri>().ToList() ?? [];
                return Observed(taskId, ProviderTaskState.Succeeded, urls);
            case "failed":
                var message = data?["task_status_msg"]?.GetValue<string>() ?? "the task failed";

                // A task refused after submission reports no code, only a message; Kling's wording for
                // its content review mentions "risk" or "content security".
                var moderated = message.Contains("risk", StringComparison.OrdinalIgnoreCase) || message.Contains("content security", StringComparison.OrdinalIgnoreCase);
                return Observed(taskId, ProviderTaskState.Failed, failure: new ProviderFailure(
                    moderated ? ProviderFailureKind.Moderation : ProviderFailureKind.Permanent, moderated ? "1301" : "failed", message));
            default:
                throw new ProviderCallException(new ProviderFailure(ProviderFailureKind.Transient, "malformed_response", $"Kling task status '{state}' is unknown"));
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
