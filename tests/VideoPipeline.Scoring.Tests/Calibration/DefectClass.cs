namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>A defect class: the metric that must catch it and its ladder of renders (<paramref name="Rungs"/> by source index, so bars can be top/bottom for one source and at the sides for another).</summary>
public sealed record DefectClass(string Name, string Metric, IReadOnlyList<string> Sources, Func<int, IReadOnlyList<Rung>> Rungs);
