namespace VideoPipeline.Domain.Catalog;

/// <summary>How a provider tells us a task finished.</summary>
public enum CallbackDelivery
{
    /// <summary>It does not: the timer path polls.</summary>
    None,

    /// <summary>A URL given with each request (Kling <c>callback_url</c>, Replicate <c>webhook</c>, fal <c>fal_webhook</c>).</summary>
    PerRequest,

    /// <summary>An endpoint registered once for the account or project (OpenAI and Gemini static webhooks).</summary>
    PerAccount,
}
