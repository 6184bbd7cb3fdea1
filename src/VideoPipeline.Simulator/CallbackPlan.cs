using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers.Webhooks;
using VideoPipeline.Simulator.Endpoints;

namespace VideoPipeline.Simulator;

/// <summary>
/// Which callbacks a finished task produces, per provider: Kling posts its task to the request's
/// callback_url unsigned; Sora and Gemini static webhooks post Standard Webhooks-signed events to the
/// project URL; Gemini per-request webhooks carry an RS256 JWT; Replicate posts the prediction to the request's
/// webhook, Standard Webhooks signed; fal posts its result envelope to fal_webhook, Ed25519 signed. Runway and Vertex send none.
/// Behaviour adds duplicates, a stale out-of-order event and a forged one.
/// </summary>
internal static class CallbackPlan
{
    public static async Task SendAsync(SimulatorState state, SimulatedTask task, SimulatedProviderBehavior behavior)
    {
        var deliveries = new List<(Uri Target, Dictionary<string, string> Headers, byte[] Body, bool Forged)>();
        switch (task.ProviderId)
        {
            case ProviderIds.Kling when task.CallbackUrl is { } target:
                var final = KlingEndpoints.TaskData(state, task, task.StateAt(state.Time.GetUtcNow()));
                deliveries.Add((target, [], Bytes(final), false));
                if (behavior.ReorderCallbacks)
                {
                    deliveries.Add((target, [], Bytes(KlingEndpoints.TaskData(state, task, SimulatedState.Running)), false));
                }

                if (behavior.ForgeCallbacks)
                {
                    var forged = KlingEndpoints.TaskData(state, task, Opposite(task));
                    deliveries.Add((target, [], Bytes(forged), true));
                }

                break;
            case ProviderIds.Sora when behavior.WebhookUrl is { } target:
                var soraEvent = SoraEvent(task, task.Outcome == TaskOutcome.Succeeds ? "video.completed" : "video.failed", state);
                deliveries.Add((target, Signed(state, behavior, soraEvent, forged: false), soraEvent, false));
                if (behavior.ForgeCallbacks)
                {
                    var forged = SoraEvent(task, task.Outcome == TaskOutcome.Succeeds ? "video.failed" : "video.completed", state);
                    deliveries.Add((target, Signed(state, behavior, forged, forged: true), forged, true));
                }

                break;
            case ProviderIds.VeoGemini when (task.CallbackUrl ?? behavior.WebhookUrl) is { } target:
                GeminiEvents(state, behavior, task, target, deliveries, at => ("video.generated", VeoGeminiEndpoints.Operation(state, task, at)));
                break;
            case ProviderIds.GeminiOmni when (task.CallbackUrl ?? behavior.WebhookUrl) is { } target:
                // Event names from js-genai Webhooks.Webhook subscribed_events; the payload (the interaction under "data") is not confirmed.
                GeminiEvents(state, behavior, task, target, deliveries, at => (
                    at switch { SimulatedState.Succeeded => "interaction.completed", SimulatedState.Failed => "interaction.failed", _ => "interaction.in_progress" },
                    GeminiOmniEndpoints.Interaction(state, task, at)));
                break;
            case ProviderIds.Replicate when task.CallbackUrl is { } target:
                var prediction = Bytes(ReplicateEndpoints.Prediction(state, task, task.StateAt(state.Time.GetUtcNow())));
                deliveries.Add((target, Signed(state, behavior, prediction, forged: false), prediction, false));
                if (behavior.ForgeCallbacks)
                {
                    var forged = Bytes(ReplicateEndpoints.Prediction(state, task, Opposite(task)));
                    deliveries.Add((target, Signed(state, behavior, forged, forged: true), forged, true));
                }

                break;
            case ProviderIds.Fal when task.CallbackUrl is { } target:
                var result = Bytes(FalEndpoints.Webhook(state, task, task.StateAt(state.Time.GetUtcNow())));
                deliveries.Add((target, state.FalSigner.Headers(task.Id, result, behavior.SignCallbacks, forged: false), result, false));
                if (behavior.ForgeCallbacks)
                {
                    var forged = Bytes(FalEndpoints.Webhook(state, task, Opposite(task)));
                    deliveries.Add((target, state.FalSigner.Headers(task.Id, forged, sign: false, forged: true), forged, true));
                }

                break;
            default:
                return;
        }

        foreach (var (target, headers, body, forged) in deliveries)
        {
            for (var copy = 0; copy <= (forged ? 0 : behavior.DuplicateCallbacks); copy++)
            {
                await state.Callbacks.SendAsync(task.ProviderId, task.Id, target, headers, body, forged);
            }
        }
    }

    /// <summary>
    /// A Gemini API webhook: the final event, signed with the static webhook's secret (to the project URL) or with an RS256
    /// JWT (to the request's own URL); with behaviour, a stale earlier one and a forged one with the opposite outcome.
    /// </summary>
    private static void GeminiEvents(
        SimulatorState state, SimulatedProviderBehavior behavior, SimulatedTask task, Uri target,
        List<(Uri Target, Dictionary<string, string> Headers, byte[] Body, bool Forged)> deliveries, Func<SimulatedState, (string Type, JsonObject Data)> eventAt)
    {
        var perRequest = task.CallbackUrl is not null;
        void Add(SimulatedState at, bool forged)
        {
            var (type, data) = eventAt(at);
            var body = Bytes(new JsonObject { ["type"] = type, ["data"] = data });
            deliveries.Add((target, perRequest ? JwtSigned(state, behavior, task, forged) : Signed(state, behavior, body, forged), body, forged));
        }

        Add(task.StateAt(state.Time.GetUtcNow()), forged: false);
        if (behavior.ReorderCallbacks)
        {
            Add(SimulatedState.Running, forged: false);
        }

        if (behavior.ForgeCallbacks)
        {
            Add(Opposite(task), forged: true);
        }
    }

    private static SimulatedState Opposite(SimulatedTask task) =>
        task.Outcome == TaskOutcome.Succeeds ? SimulatedState.Failed : SimulatedState.Succeeded;

    private static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] SoraEvent(SimulatedTask task, string type, SimulatorState state) => Bytes(new JsonObject
    {
        ["id"] = "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
        ["object"] = "event",
        ["created_at"] = state.Time.GetUtcNow().ToUnixTimeSeconds(),
        ["type"] = type,
        ["data"] = new JsonObject { ["id"] = task.Id },
    });

    private static Dictionary<string, string> Signed(SimulatorState state, SimulatedProviderBehavior behavior, byte[] body, bool forged)
    {
        var id = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = state.Time.GetUtcNow();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [StandardWebhookVerifier.IdHeader] = id,
            [StandardWebhookVerifier.TimestampHeader] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        if (behavior.SignCallbacks || forged)
        {
            headers[StandardWebhookVerifier.SignatureHeader] = forged
                ? "v1," + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
                : state.WebhookSigner.Sign(id, now, body);
        }

        return headers;
    }

    private static Dictionary<string, string> JwtSigned(SimulatorState state, SimulatedProviderBehavior behavior, SimulatedTask task, bool forged)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [StandardWebhookVerifier.IdHeader] = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            [StandardWebhookVerifier.TimestampHeader] = state.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        if (behavior.SignCallbacks || forged)
        {
            headers[StandardWebhookVerifier.SignatureHeader] = state.Jwts.Mint(task.Id, forged);
        }

        return headers;
    }
}
