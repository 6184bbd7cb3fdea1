namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed record ProbeStatus(string Stage, int Done, IReadOnlyList<string> Names);
