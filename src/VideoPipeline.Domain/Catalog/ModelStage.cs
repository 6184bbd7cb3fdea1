namespace VideoPipeline.Domain.Catalog;

/// <summary>Where a model is in its provider's lifecycle. A model past its shutdown date is retired whatever its stage was.</summary>
public enum ModelStage
{
    /// <summary>Generally available: supported, priced, with notice before shutdown.</summary>
    Ga,

    /// <summary>Preview: may change or be shut down at short notice.</summary>
    Preview,

    /// <summary>Shut down: the provider answers "not found"; never routed to.</summary>
    Retired,
}
