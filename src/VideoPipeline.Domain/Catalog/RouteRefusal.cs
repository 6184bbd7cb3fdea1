namespace VideoPipeline.Domain.Catalog;

/// <summary>A provider or model that cannot take a shot, and why (one line, for the job's status and manifest).</summary>
public sealed record RouteRefusal(string ProviderId, string? Model, string Reason);
