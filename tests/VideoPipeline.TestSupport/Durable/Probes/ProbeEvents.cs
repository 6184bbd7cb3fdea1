namespace VideoPipeline.TestSupport.Durable.Probes;

/// <summary>Event names the probe workflows wait for.</summary>
public static class ProbeEvents
{
    public const string Go = "Go";
}
