using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Simulator.Endpoints;

/// <summary>
/// fal.ai's queue API (fal.ai/docs/documentation/model-apis/inference/queue): POST /{endpoint}[?fal_webhook=…] →
/// {request_id, response_url, status_url, cancel_url}; GET /{owner}/{app}/requests/{id}/status → IN_QUEUE | IN_PROGRESS |
/// COMPLETED; GET /{owner}/{app}/requests/{id} → the output ({"video": {"url", …}}) or the error. Only the catalogue's fal
/// models exist (else 404); input a model refuses is 422 with fal's model-error body {"detail": [{loc, msg, type, url,
/// input}]} (…/model-apis/errors). A moderated request completes and its result read answers 422 content_policy_violation;
/// a failed one's status carries error / error_type. Webhooks post {request_id, gateway_request_id, status, payload,
/// error}, Ed25519 signed (<see cref="FalWebhookSigner"/>); the key set is served at /fal-rest/.well-known/jwks.json
/// (fal's is on another host, rest.alpha.fal.ai, so the fal fault injection does not touch it).
/// Not confirmed: the exact 401 and 404 texts (request errors are {"detail": "text"}).
/// </summary>
internal static class FalEndpoints
{
    public const string JwksPath = "fal-rest/.well-known/jwks.json";

    private static readonly ProviderDialect Dialect = new(
        ProviderIds.Fal,
        // fal keys are "key_id:key_secret" (fal.ai/docs/documentation/model-apis/authentication); anything else is unknown here.
        request => request.Headers.Authorization.ToString() is var auth && auth.StartsWith("Key ", StringComparison.Ordinal) && auth.Contains(':', StringComparison.Ordinal)
            ? null : SimulatorState.Json(new JsonObject { ["detail"] = "No user found for Key ID and Secret" }, StatusCodes.Status401Unauthorized),
        (status, message) => SimulatorState.Json(new JsonObject { ["detail"] = message }, status));

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/" + JwksPath, () => Results.Text(state.FalSigner.Jwks(), "application/json"));
        var group = app.MapGroup("/fal");
        group.MapGet("/{owner}/{name}/requests/{id}/status", (Delegate)((HttpContext context) => Status(state, context)));
        group.MapGet("/{owner}/{name}/requests/{id}", (Delegate)((HttpContext context) => Result(state, context)));
        group.MapPost("/{**model}", (Delegate)((HttpContext context) => SubmitAsync(state, context, context.Request.RouteValues["model"] as string ?? string.Empty)));
    }

    /// <summary>The webhook body for a finished request (fal.ai/docs/documentation/model-apis/inference/webhooks).</summary>
    internal static JsonObject Webhook(SimulatorState state, SimulatedTask task, SimulatedState at)
    {
        var body = new JsonObject { ["request_id"] = task.Id, ["gateway_request_id"] = task.Id };
        if (at == SimulatedState.Succeeded)
        {
            body["status"] = "OK";
            body["payload"] = Output(state, task);
        }
        else
        {
            body["status"] = "ERROR";
            body["error"] = task.Outcome == TaskOutcome.Moderated ? "Invalid status code: 422" : "Invalid status code: 500";
            body["payload"] = task.Outcome == TaskOutcome.Moderated ? PolicyViolation(task) : new JsonObject { ["detail"] = "Internal server error", ["error_type"] = "runner_server_error" };
        }

        return body;
    }

    private static IResult Status(SimulatorState state, HttpContext context)
    {
        if (state.Gate(Dialect, context, isSubmit: false) is { } refused)
        {
            return refused;
        }

        if (Find(state, context) is not { } task)
        {
            return Dialect.NotFound("Request not found");
        }

        var app = $"{context.Request.RouteValues["owner"]}/{context.Request.RouteValues["name"]}";
        var responseUrl = new Uri(state.BaseUrl, $"fal/{app}/requests/{task.Id}").ToString();
        var at = task.StateAt(state.Time.GetUtcNow());
        var status = new JsonObject { ["response_url"] = responseUrl };
        switch (at)
        {
            case SimulatedState.Queued:
                status["status"] = "IN_QUEUE";
                status["queue_position"] = 0;
                break;
            case SimulatedState.Running:
                status["status"] = "IN_PROGRESS";
                status["logs"] = null;
                break;
            default:
                status["status"] = "COMPLETED";
                status["logs"] = null;
                status["metrics"] = new JsonObject { ["inference_time"] = (task.CompletesAt - task.CreatedAt).TotalSeconds };
                if (at == SimulatedState.Failed && task.Outcome != TaskOutcome.Moderated)
                {
                    status["error"] = "Internal server error";
                    status["error_type"] = "runner_server_error";
                }

                break;
        }

        return SimulatorState.Json(status);
    }

    private static IResult Result(SimulatorState state, HttpContext context)
    {
        if (state.Gate(Dialect, context, isSubmit: false) is { } refused)
        {
            return refused;
        }

        if (Find(state, context) is not { } task)
        {
            return Dialect.NotFound("Request not found");
        }

        return task.StateAt(state.Time.GetUtcNow()) switch
        {
            SimulatedState.Succeeded => SimulatorState.Json(Output(state, task)),
            SimulatedState.Failed when task.Outcome == TaskOutcome.Moderated => SimulatorState.Json(PolicyViolation(task), StatusCodes.Status422UnprocessableEntity),
            SimulatedState.Failed => SimulatorState.Json(new JsonObject { ["detail"] = "Internal server error", ["error_type"] = "runner_server_error" }, StatusCodes.Status500InternalServerError),
            _ => Dialect.Error(StatusCodes.Status400BadRequest, "Request is still in progress"),
        };
    }

    /// <summary>The task the route names, if it belongs to the route's app (fal keeps a queue per app).</summary>
    private static SimulatedTask? Find(SimulatorState state, HttpContext context)
    {
        var app = $"{context.Request.RouteValues["owner"]}/{context.Request.RouteValues["name"]}";
        return state.Tasks.Find(ProviderIds.Fal, context.Request.RouteValues["id"] as string ?? string.Empty) is { } task
            && (task.Model == app || task.Model.StartsWith(app + "/", StringComparison.Ordinal)) ? task : null;
    }

    private static async Task<IResult> SubmitAsync(SimulatorState state, HttpContext context, string model)
    {
        if (state.Gate(Dialect, context, isSubmit: true) is { } refused)
        {
            return refused;
        }

        if (ModelCatalog.Find(ProviderIds.Fal, model) is not { } entry)
        {
            return Dialect.NotFound($"Application '{model}' not found");
        }

        var input = await SimulatorState.ReadJsonAsync(context);
        var veo = model.StartsWith("fal-ai/veo3.1", StringComparison.Ordinal);
        var prompt = input.Field("prompt").AsText();
        var durationText = input.Field("duration").AsText() ?? (veo ? "8s" : "5");
        var aspect = input.Field("aspect_ratio").AsText() ?? AspectRatios.Landscape;
        var durations = entry.Can.Durations.Allowed ?? [];
        var durationChoices = durations.Select(d => veo ? $"{d}s" : $"{d}").ToList();
        var errors = new JsonArray();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            errors.Add(Detail("prompt", "Field required", "missing", prompt));
        }

        if (!durationChoices.Contains(durationText))
        {
            errors.Add(Detail("duration", $"Input should be {string.Join(" or ", durationChoices.Select(c => $"'{c}'"))}", "literal_error", durationText));
        }

        if (!entry.Can.AspectRatios.Contains(aspect))
        {
            errors.Add(Detail("aspect_ratio", $"Input should be {string.Join(" or ", entry.Can.AspectRatios.Select(a => $"'{a}'"))}", "literal_error", aspect));
        }

        if (veo && input.Field("resolution").AsText() is { } resolution && !entry.Can.Resolutions.Contains(resolution))
        {
            errors.Add(Detail("resolution", $"Input should be {string.Join(" or ", entry.Can.Resolutions.Select(r => $"'{r}'"))}", "literal_error", resolution));
        }

        if (errors.Count > 0)
        {
            return SimulatorState.Json(new JsonObject { ["detail"] = errors }, StatusCodes.Status422UnprocessableEntity);
        }

        var webhook = Uri.TryCreate(context.Request.Query["fal_webhook"].ToString(), UriKind.Absolute, out var url) ? url : null;
        var seconds = int.Parse(durationText.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
        var task = state.Create(ProviderIds.Fal, Guid.NewGuid().ToString(), prompt!, input.Field("seed").AsLong() ?? 0, seconds, aspect, webhook, null, model);
        if (state.LoseResponse(ProviderIds.Fal, context))
        {
            return Results.Empty;
        }

        var segments = model.Split('/');
        var requests = new Uri(state.BaseUrl, $"fal/{segments[0]}/{segments[1]}/requests/{task.Id}");
        return SimulatorState.Json(new JsonObject
        {
            ["request_id"] = task.Id,
            ["response_url"] = requests.ToString(),
            ["status_url"] = requests + "/status",
            ["cancel_url"] = requests + "/cancel",
            ["queue_position"] = 0,
        });
    }

    private static JsonObject Output(SimulatorState state, SimulatedTask task) => new()
    {
        ["video"] = new JsonObject
        {
            ["url"] = state.ResultUrl(task).ToString(),
            ["content_type"] = "video/mp4",
            ["file_name"] = "output.mp4",
        },
    };

    private static JsonObject PolicyViolation(SimulatedTask task) => new()
    {
        ["detail"] = new JsonArray(new JsonObject
        {
            ["loc"] = new JsonArray("body", "prompt"),
            ["msg"] = "The content was flagged by a content checker.",
            ["type"] = "content_policy_violation",
            ["url"] = "https://docs.fal.ai/errors#content_policy_violation",
            ["input"] = task.Prompt,
        }),
    };

    private static JsonObject Detail(string field, string message, string type, string? input) => new()
    {
        ["loc"] = new JsonArray("body", field),
        ["msg"] = message,
        ["type"] = type,
        ["url"] = $"https://docs.fal.ai/errors#{type}",
        ["input"] = input,
    };
}
