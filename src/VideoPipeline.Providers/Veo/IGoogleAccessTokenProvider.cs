namespace VideoPipeline.Providers.Veo;

/// <summary>
/// An OAuth 2 access token for Google Cloud (scope cloud-platform). Azure.Identity does not issue Google
/// tokens: the host supplies one (workload identity federation, a service account, or gcloud in development).
/// </summary>
public interface IGoogleAccessTokenProvider
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}
