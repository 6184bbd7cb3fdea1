using System.Globalization;

namespace VideoPipeline.Providers.Http;

/// <summary>How long a 429/503 asks us to wait: <c>retry-after-ms</c> (OpenAI style) wins, then <c>Retry-After</c> as seconds or an HTTP date.</summary>
public static class RetryAfter
{
    public const string MillisecondsHeader = "retry-after-ms";

    /// <summary>The wait the response asks for, or null when it names none (the caller backs off with jitter).</summary>
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValues(MillisecondsHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
