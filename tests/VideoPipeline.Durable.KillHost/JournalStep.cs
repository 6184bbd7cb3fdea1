namespace VideoPipeline.Durable.KillHost;

/// <summary>An activity call: the step's name and how long it works before it records that it finished.</summary>
public sealed record JournalStep(string Step, TimeSpan Work);
