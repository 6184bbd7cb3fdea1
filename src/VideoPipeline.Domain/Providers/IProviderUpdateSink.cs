namespace VideoPipeline.Domain.Providers;

/// <summary>
/// Where in-process completions go (the Local provider's "callback"): the host raises the candidate's
/// durable <c>ProviderUpdate</c> event from here, exactly as it does for a verified webhook.
/// </summary>
public interface IProviderUpdateSink
{
    ValueTask OnUpdateAsync(string providerId, ProviderTaskStatus status, CancellationToken cancellationToken);
}
