using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace VideoPipeline.Providers.Http;

/// <summary>
/// The one resilience pipeline of every provider client. Reads (GET/HEAD/DELETE) are retried on 429,
/// 408, 5xx, timeouts and broken connections; a submit (POST) only when the provider refused it (429)
/// or the connection never opened, because a POST whose response was lost may have been accepted.
/// </summary>
public static class ProviderResilience
{
    public const string PipelineName = "provider";

    /// <summary>
    /// Adds the pipeline. <paramref name="isPermanentRefusal"/> lets a provider say that one of its 429s is not
    /// throttling (Kling answers account and allow-list refusals with 429): those are never retried.
    /// </summary>
    public static IHttpClientBuilder AddProviderResilience(
        this IHttpClientBuilder builder, Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isPermanentRefusal = null)
    {
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // Polly owns time limits

        // The factory's default request logging writes every URL, and a result URL is a bearer
        // credential (signed); the adapters log what matters without it.
        builder.RemoveAllLoggers();
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ProviderResilienceOptions>>().Value;
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false, // DelayGenerator below also reads retry-after-ms
                ShouldHandle = async args => options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context)
                    && !(isPermanentRefusal is not null && args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } refused
                        && await isPermanentRefusal(refused, args.Context.CancellationToken)),
                DelayGenerator = args =>
                {
                    var asked = RetryAfter.From(args.Outcome.Result, time);
                    return ValueTask.FromResult(asked is { } wait ? (TimeSpan?)(wait > options.MaxDelay ? options.MaxDelay : wait) : null);
                },
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var method = context.GetRequestMessage()?.Method;
        var isRead = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return response.StatusCode == HttpStatusCode.TooManyRequests
                || (isRead && (response.StatusCode == HttpStatusCode.RequestTimeout || status >= 500));
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException => isRead,
            TimeoutRejectedException => isRead,
            _ => false,
        };
    }
}
