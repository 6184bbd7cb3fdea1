using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace VideoPipeline.Simulator;

/// <summary>Answers 503 and 429 (with Retry-After as seconds, an HTTP date or retry-after-ms) while the behaviour's bursts last.</summary>
internal sealed class Throttling(TimeProvider time)
{
    /// <summary>The answer that replaces the request, or null to go on.</summary>
    public IResult? Check(SimulatedProviderBehavior behavior, HttpContext context, ProviderDialect dialect)
    {
        // A request held past its client's timeout (e.g. by the previous test) must not use up a burst meant for newer ones.
        if (context.Items.ContainsKey(WireFaults.StalledItem))
        {
            return null;
        }

        if (behavior.TakeServerError())
        {
            return dialect.Error(StatusCodes.Status503ServiceUnavailable, "The service is currently unavailable.");
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
                context.Response.Headers.RetryAfter = time.GetUtcNow().Add(wait).AddSeconds(1).ToString("R", CultureInfo.InvariantCulture);
                break;
            case RetryAfterMode.Milliseconds:
                context.Response.Headers["retry-after-ms"] = ((int)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                break;
            case RetryAfterMode.None:
                break;
        }

        return dialect.Error(StatusCodes.Status429TooManyRequests, "Too many requests; slow down.");
    }
}
