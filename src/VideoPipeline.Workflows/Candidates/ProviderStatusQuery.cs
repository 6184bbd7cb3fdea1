namespace VideoPipeline.Workflows.Candidates;

public sealed record ProviderStatusQuery(string ProviderId, string TaskId);
