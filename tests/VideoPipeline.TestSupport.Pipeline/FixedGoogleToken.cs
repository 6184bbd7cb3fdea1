using VideoPipeline.Providers.Veo;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Vertex's bearer token for the simulator, which only checks that one is sent.</summary>
internal sealed class FixedGoogleToken : IGoogleAccessTokenProvider
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult("test-google-token");
}
