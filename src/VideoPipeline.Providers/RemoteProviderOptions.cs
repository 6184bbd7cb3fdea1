namespace VideoPipeline.Providers;

/// <summary>Settings every remote provider shares. Credentials live in the derived classes and are never logged.</summary>
public abstract class RemoteProviderOptions
{
    public const long DefaultMaxResultBytes = 512L * 1024 * 1024;

    /// <summary>The API root; empty means the provider's public endpoint.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model asked for when a request names none.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Hosts result URLs may come from (exact, or a suffix when starting with '.'); empty means the provider's defaults.</summary>
    public string[] AllowedResultHosts { get; set; } = [];

    /// <summary>Largest video accepted; a bigger download is cut off and fails.</summary>
    public long MaxResultBytes { get; set; } = DefaultMaxResultBytes;

    /// <summary>
    /// How long a response body may take once its headers arrived (a JSON answer, whole), and how long a
    /// download may go without a byte. A body that stalls fails in time instead of hanging the caller.
    /// </summary>
    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Lets the API and result URLs be plain http on loopback (the provider simulator). Tests and
    /// <c>videopipeline simulate</c> users only: never set it in production.
    /// </summary>
    public bool AllowLoopbackForTesting { get; set; }

    /// <summary>True when credentials are present; an unconfigured adapter refuses calls with a permanent failure.</summary>
    public abstract bool IsConfigured { get; }

    /// <summary>The catalogue mode asked for when a request names none (Kling's <c>Mode</c>); null where models have no modes.</summary>
    internal virtual string? DefaultMode => null;

    internal abstract Uri DefaultBaseUrl { get; }

    internal abstract IReadOnlyList<string> DefaultResultHosts { get; }

    /// <summary>The API root with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    internal Uri EffectiveBaseUrl => BaseUrl is { IsAbsoluteUri: true } url && !url.AbsolutePath.EndsWith('/') ? new Uri(url + "/") : BaseUrl ?? DefaultBaseUrl;

    internal IReadOnlyList<string> EffectiveResultHosts => AllowedResultHosts.Length > 0 ? AllowedResultHosts : DefaultResultHosts;

    /// <summary>Problems with the shared settings, each naming its key under <paramref name="section"/>.</summary>
    internal IEnumerable<string> CommonProblems(string section)
    {
        if (BaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri)
            {
                yield return $"{section}:BaseUrl must be an absolute URL; got '{url}'";
            }
            else if (url.Scheme != Uri.UriSchemeHttps && !(AllowLoopbackForTesting && url.IsLoopback))
            {
                yield return $"{section}:BaseUrl must be https (plain http only on loopback with {section}:AllowLoopbackForTesting); got '{url.GetLeftPart(UriPartial.Authority)}'";
            }
        }

        if (MaxResultBytes <= 0)
        {
            yield return $"{section}:MaxResultBytes must be more than 0; got {MaxResultBytes}";
        }

        if (BodyTimeout <= TimeSpan.Zero || BodyTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:BodyTimeout must be more than 0 and at most 10 minutes; got {BodyTimeout}";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{section}:Model must not be empty";
        }
    }
}
