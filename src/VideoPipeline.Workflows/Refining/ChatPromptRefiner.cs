using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Workflows.Refining;

/// <summary>
/// Refines a rejected shot's prompt with a chat model behind any OpenAI-compatible <c>POST {BaseUrl}/chat/completions</c>
/// (OpenAI's Chat Completions request and response shape; <c>response_format</c> asks for a strict JSON schema, and the
/// instruction says the same for endpoints that ignore it). Whatever goes wrong (no answer within the deadlines, a status
/// other than 2xx, a body too large or not the expected JSON, an empty or over-long prompt) is logged with its reason and
/// answered by the deterministic <see cref="FeedbackPromptRefiner"/>: a review round never fails for the refiner's sake.
/// The API key goes only to the configured host: the client follows no redirects.
/// </summary>
public sealed class ChatPromptRefiner(HttpClient http, FeedbackPromptRefiner fallback, IOptions<ChatRefinerOptions> options, ILogger<ChatPromptRefiner> logger)
    : IPromptRefiner
{
    private const string Instruction =
        "You rewrite prompts for an AI video generator. Given the current prompt and a reviewer's feedback on the clips it " +
        "produced, write one improved prompt that keeps what the reviewer did not object to and fixes what they did. " +
        "Answer with a JSON object only, exactly {\"prompt\": \"<the new prompt>\"}, with no other text.";

    public async Task<string> RefineAsync(string prompt, string feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(feedback);
        var settings = options.Value;
        var (refined, reason) = await AskAsync(settings, prompt, feedback, cancellationToken);
        if (refined is not null)
        {
            return refined;
        }

        Log.ChatRefinerFellBack(logger, settings.BaseUrl?.Host ?? "(none)", reason);
        return await fallback.RefineAsync(prompt, feedback, cancellationToken);
    }

    private async Task<(string? Prompt, string Reason)> AskAsync(ChatRefinerOptions settings, string prompt, string feedback, CancellationToken cancellationToken)
    {
        if (settings.BaseUrl is not { } root)
        {
            return (null, "no base URL is configured");
        }

        byte[] body;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(root), "chat/completions"))
            {
                Content = new StringContent(Request(settings.Model, prompt, feedback).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (settings.ApiKey is { Length: > 0 } key)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(settings.RequestTimeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode}");
            }

            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            reading.CancelAfter(settings.BodyTimeout);
            body = await ReadCappedAsync(response, settings.MaxResponseBytes, reading.Token) ?? [];
            if (body.Length == 0)
            {
                return (null, $"an empty answer or one over {settings.MaxResponseBytes} bytes");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "no answer within the request or body deadline");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"the request failed ({ex.HttpRequestError})");
        }
        catch (IOException ex)
        {
            return (null, $"the answer broke off ({ex.GetType().Name})");
        }

        return Parse(body);
    }

    private static JsonObject Request(string model, string prompt, string feedback) => new()
    {
        ["model"] = model,
        ["temperature"] = 0,
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = Instruction },
            new JsonObject { ["role"] = "user", ["content"] = $"Current prompt:\n{prompt}\n\nReviewer feedback:\n{feedback}" }),
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject
            {
                ["name"] = "refined_prompt",
                ["strict"] = true,
                ["schema"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["prompt"] = new JsonObject { ["type"] = "string" } },
                    ["required"] = new JsonArray("prompt"),
                    ["additionalProperties"] = false,
                },
            },
        },
    };

    /// <summary><c>choices[0].message.content</c> holding <c>{"prompt": "…"}</c>: a non-empty prompt within the contract's limit, or the reason why not.</summary>
    private static (string? Prompt, string Reason) Parse(byte[] body)
    {
        try
        {
            var choices = (JsonNode.Parse(body) as JsonObject)?["choices"] as JsonArray;
            var content = choices is { Count: > 0 } && choices[0] is JsonObject first ? (first["message"] as JsonObject)?["content"] : null;
            if (content is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return (null, "the answer has no choices[0].message.content text");
            }

            var refined = (JsonNode.Parse(value.GetValue<string>()) as JsonObject)?["prompt"];
            if (refined is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                return (null, "the message is not a JSON object with a prompt text");
            }

            var result = text.GetValue<string>().Trim();
            return result.Length == 0 ? (null, "the refined prompt is empty")
                : result.Length > JobLimits.MaxPromptLength ? (null, $"the refined prompt has {result.Length} characters, over {JobLimits.MaxPromptLength}")
                : result.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? (null, "the refined prompt holds control characters")
                : (result, string.Empty);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return (null, $"the answer is not the expected JSON ({ex.GetType().Name})");
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (declared or as read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Uri WithSlash(Uri root) => root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
