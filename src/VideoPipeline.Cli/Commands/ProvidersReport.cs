namespace VideoPipeline.Cli.Commands;

/// <summary>What <c>providers --json</c> prints: every provider, whether it is configured here, and its catalogue models.</summary>
public sealed record ProvidersReport(IReadOnlyList<ProviderReport> Providers);
