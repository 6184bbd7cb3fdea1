namespace VideoPipeline.Cli.Commands;

/// <summary>One provider in <c>providers --json</c>; <see cref="Retired"/> providers are routed to only when a brief names them.</summary>
public sealed record ProviderReport(string Id, bool Configured, bool Retired, IReadOnlyList<ModelReport> Models);
