namespace VideoPipeline.TestSupport.Durable.Probes;

public sealed record FlakyCall(string Key, int Failures, int MaxAttempts);
