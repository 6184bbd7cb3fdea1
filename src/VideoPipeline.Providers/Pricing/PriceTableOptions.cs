namespace VideoPipeline.Providers.Pricing;

/// <summary>
/// USD per second of output, by provider id then model (<c>Providers:Pricing:Rates:runway:gen4.5 = 0.12</c>);
/// the model <c>*</c> is the provider's fallback. Without one, a model is priced at the model catalogue's list price.
/// </summary>
public sealed class PriceTableOptions
{
    public const string SectionName = "Providers:Pricing";

    public Dictionary<string, Dictionary<string, decimal>> Rates { get; } = new(StringComparer.OrdinalIgnoreCase);
}
