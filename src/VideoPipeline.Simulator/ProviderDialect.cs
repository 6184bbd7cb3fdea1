using Microsoft.AspNetCore.Http;

namespace VideoPipeline.Simulator;

/// <summary>
/// How one simulated provider says the common things: whether a request's credentials pass (null) or how it is
/// refused, and the provider's error body for an HTTP status and message. The endpoints share auth, throttling and
/// not-found handling through it instead of repeating them.
/// </summary>
internal sealed record ProviderDialect(string ProviderId, Func<HttpRequest, IResult?> Authorize, Func<int, string, IResult> Error)
{
    public IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);
}
