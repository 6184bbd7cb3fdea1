namespace VideoPipeline.Domain.Jobs;

public static class ReviewModes
{
    /// <summary>The best-scoring candidate wins without a person.</summary>
    public const string Auto = "auto";

    /// <summary>A person approves or overrides each shot's pick; a durable timer auto-approves on timeout.</summary>
    public const string Human = "human";

    public static IReadOnlyList<string> All { get; } = [Auto, Human];
}
