namespace VideoPipeline.Simulator;

/// <summary>A callback the simulator sent (or tried to): what a receiver saw, for tests to replay and inspect.</summary>
public sealed record RecordedCallback(string ProviderId, string TaskId, Uri Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Forged, int? DeliveryStatus);
