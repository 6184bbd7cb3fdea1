namespace VideoPipeline.Simulator;

/// <summary>
/// What can go wrong on the wire after the simulated provider has done its work (so a faulted submit has still
/// created, and would have billed, its task). Inject with <see cref="SimulatedProviderBehavior.Inject"/>.
/// </summary>
public enum WireFault
{
    /// <summary>Headers and half the body, then nothing until the client gives up.</summary>
    StallBody,

    /// <summary>Content-Length for the whole body, half of it, then the connection drops.</summary>
    TruncateBody,

    /// <summary>The status the endpoint chose with an HTML page instead of JSON.</summary>
    NotJson,

    /// <summary>The status the endpoint chose with no body at all.</summary>
    EmptyBody,

    /// <summary>The same JSON with every leaf of another type (strings become numbers, numbers strings, booleans strings).</summary>
    WrongTypes,

    /// <summary>Every top-level property twice, the second time with a value of another type.</summary>
    DuplicateKeys,

    /// <summary>The JSON followed by 9 MiB of padding, sent without a Content-Length.</summary>
    Oversized,

    /// <summary>The JSON with conflicting duplicated headers (two Content-Types, a garbage Retry-After).</summary>
    DuplicateHeaders,

    /// <summary>The endpoint's body under HTTP 500.</summary>
    Status500,

    /// <summary>The endpoint's body under HTTP 502.</summary>
    Status502,

    /// <summary>The endpoint's body under HTTP 504.</summary>
    Status504,

    /// <summary>A 302 to the same path on another host name (localhost instead of 127.0.0.1).</summary>
    RedirectOffHost,
}
