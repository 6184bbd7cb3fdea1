namespace VideoPipeline.Simulator;

/// <summary>How a simulated 429 says when to come back.</summary>
public enum RetryAfterMode
{
    /// <summary>No hint: the client must back off on its own.</summary>
    None,

    /// <summary><c>Retry-After: &lt;seconds&gt;</c>.</summary>
    Seconds,

    /// <summary><c>Retry-After: &lt;HTTP date&gt;</c>.</summary>
    HttpDate,

    /// <summary><c>retry-after-ms: &lt;milliseconds&gt;</c> (OpenAI style).</summary>
    Milliseconds,
}
