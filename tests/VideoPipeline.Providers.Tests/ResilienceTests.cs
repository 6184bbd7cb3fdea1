using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;
using VideoPipeline.Providers.Http;

namespace VideoPipeline.Providers.Tests;

public sealed class ResilienceTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Retry_after_seconds_is_honoured()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.From(response, Time));
    }

    [Fact]
    public void Retry_after_http_date_is_honoured_relative_to_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", Time.GetUtcNow().AddSeconds(30).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.From(response, Time));
    }

    [Fact]
    public void Retry_after_ms_wins_over_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "7");
        response.Headers.Add("retry-after-ms", "250");

        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAfter.From(response, Time));
    }

    [Fact]
    public void No_hint_leaves_the_wait_to_jittered_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfter.From(response, Time));
    }

    [Theory]
    [InlineData("GET", HttpStatusCode.TooManyRequests, true)]
    [InlineData("GET", HttpStatusCode.ServiceUnavailable, true)]
    [InlineData("GET", HttpStatusCode.InternalServerError, true)]
    [InlineData("GET", HttpStatusCode.BadRequest, false)]
    [InlineData("POST", HttpStatusCode.TooManyRequests, true)] // refused, so not accepted: safe to send again
    [InlineData("POST", HttpStatusCode.ServiceUnavailable, false)] // may have been accepted: never blindly re-posted
    [InlineData("POST", HttpStatusCode.InternalServerError, false)]
    public void Responses_are_retried_only_where_a_retry_cannot_pay_twice(string method, HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried, ShouldRetry(method, Outcome.FromResult(response)));
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("POST", false)]
    public void Timeouts_and_lost_responses_are_retried_on_reads_only(string method, bool retried)
    {
        Assert.Equal(retried, ShouldRetry(method, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
        Assert.Equal(retried, ShouldRetry(method, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "lost"))));
    }

    [Fact]
    public void A_submit_that_never_connected_is_retried() =>
        Assert.True(ShouldRetry("POST", Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))));

    private static bool ShouldRetry(string method, Outcome<HttpResponseMessage> outcome)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://api.example.test/v1/x");
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            context.SetRequestMessage(request);
            return ProviderResilience.ShouldRetry(outcome, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
