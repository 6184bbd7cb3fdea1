namespace VideoPipeline.Domain.Catalog;

/// <summary>Whether and how a model's provider calls back, and how the callback is signed.</summary>
public sealed record CallbackSupport(CallbackDelivery Delivery, CallbackSigning Signing)
{
    public static CallbackSupport Polled { get; } = new(CallbackDelivery.None, CallbackSigning.None);

    public string Describe() => Delivery switch
    {
        CallbackDelivery.None => "none (polled)",
        _ => $"{(Delivery == CallbackDelivery.PerRequest ? "per request" : "per account")}, {Signing switch
        {
            CallbackSigning.None => "unsigned (hint)",
            CallbackSigning.StandardWebhooks => "Standard Webhooks HMAC",
            CallbackSigning.JwtRs256 => "RS256 JWT (JWKS)",
            _ => "Ed25519 (JWKS)",
        }}",
    };
}
